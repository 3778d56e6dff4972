package gov.planning.indicator.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.Ids;
import gov.planning.common.api.SortOrder;
import gov.planning.common.api.TextSearch;
import gov.planning.common.audit.HistoryEntry;
import gov.planning.common.time.ClockProducer;
import gov.planning.indicator.domain.Assessment;
import gov.planning.indicator.domain.Health;
import gov.planning.indicator.domain.IndicatorFigures;
import gov.planning.indicator.domain.Latest;
import gov.planning.indicator.domain.Period;
import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.entity.IndicatorNature;
import gov.planning.indicator.history.IndicatorHistory;
import gov.planning.indicator.listing.IndicatorFilter;
import gov.planning.indicator.listing.IndicatorListing;
import gov.planning.indicator.listing.IndicatorSort;
import gov.planning.indicator.service.IndicatorFacts;
import gov.planning.indicator.service.IndicatorService;
import gov.planning.indicator.service.NewIndicator;
import gov.planning.indicator.service.ObservationService;
import gov.planning.indicator.service.RegionalTargetRow;
import gov.planning.indicator.service.RegionalTargetService;
import gov.planning.orgref.OrganizationRef;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

/**
 * The indicator subgraph. Every field resolved from a parent takes the whole batch of parents of a request
 * ({@code @Source List<...>}, or {@link ArgumentBatches} for fields with arguments) so that a list of N
 * indicators costs one query per field, not N. On a batch resolver SmallRye takes the field's nullability from
 * the method's {@code @NonNull}, not from the type argument, hence the method-level annotations.
 */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = { @Import(name = "@key"), @Import(name = "@shareable") })
public class IndicatorApi {

    @Inject
    IndicatorService service;

    @Inject
    RegionalTargetService regionalTargetService;

    @Inject
    ObservationService observationService;

    @Inject
    IndicatorFacts facts;

    @Inject
    IndicatorListing listing;

    @Inject
    IndicatorHistory history;

    @Inject
    Context context;

    // ------------------------------------------------------------------------------------------------ queries

    @Query
    @Description("One indicator by id.")
    public Uni<IndicatorView> indicator(@NonNull @Id String id) {
        UUID uuid = Ids.parseOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem() : service.findById(uuid).map(IndicatorView::of);
    }

    @Query
    @Description("Indicators, a page at a time (`first`, default 50, at most 500; `after` a cursor of the previous page). "
            + "Filters combine: planId (the plan's), orgId (those the organization is responsible for), nature, health, "
            + "met (false: a value that misses the target; indicators without a value match neither), search (a substring "
            + "of the name, literally). sortBy default PLAN_ORDER; ties are broken by id, so paging is stable.")
    public Uni<@NonNull IndicatorConnection> indicators(@Id String planId, @Id String orgId, IndicatorNature nature,
            Health health, Boolean met, String search, IndicatorSort sortBy, SortOrder order, Integer first, String after) {
        IndicatorFilter filter = new IndicatorFilter(planId == null ? null : Ids.parse("planId", planId),
                orgId == null ? null : Ids.parse("orgId", orgId), nature, health, met, TextSearch.term("search", search));
        return listing.page(filter, sortBy, order, Cursor.offsetAfter(after), Cursor.pageSize(first)).map(IndicatorConnection::of);
    }

    // ---------------------------------------------------------------------------------------------- mutations

    @Mutation
    @Description("Adds an indicator to a plan (admin, or a planner of the plan's issuer or an organization above it). The unit must be a known one; it decides `additive`.")
    public Uni<@NonNull IndicatorView> createIndicator(@NonNull @Id String planId, @NonNull @Name("input") NewIndicator input) {
        return service.create(Ids.parse("planId", planId), input).map(IndicatorView::of);
    }

    @Mutation
    @Description("Removes an indicator without observations, and its regional targets (who may set the plan's indicators). "
            + "An indicator with recorded values is refused with CONFLICT: observations are never deleted. Returns the id.")
    @Id
    public Uni<@NonNull String> deleteIndicator(@NonNull @Id String id) {
        return service.delete(Ids.parse("id", id)).map(UUID::toString);
    }

    // Named explicitly: MicroProfile GraphQL strips a "set" prefix from a method name, as for a Java bean setter.
    @Mutation("setRegionalTargets")
    @Description("Replaces the regional targets (任务分解表) of one period. Rows and total are in `unit` (default: the "
            + "indicator's unit) and stored in the indicator's unit; for an additive unit the rows must add up to `total`.")
    public Uni<@NonNull List<@NonNull RegionalTargetView>> setRegionalTargets(@NonNull @Id String indicatorId,
            @NonNull @Description("A plan period such as 2021-2025 or a year such as 2022") String period,
            @NonNull List<@NonNull RegionalTargetRow> rows, Double total, String unit) {
        return regionalTargetService.set(Ids.parse("indicatorId", indicatorId), period, rows, total, unit)
                .map(saved -> saved.stream().map(RegionalTargetView::of).toList());
    }

    @Mutation
    @Description("Records an actual value for a region (none: the indicator's whole area) and period. A second value for "
            + "the same region and period supersedes the first; both stay in `observations`.")
    public Uni<@NonNull ObservationView> recordObservation(@NonNull @Id String indicatorId, @Id String regionId,
            @NonNull String period, @NonNull Double value, String source,
            @Description("The unit `value` is in (default: the indicator's unit)") String unit) {
        UUID region = regionId == null ? null : Ids.parse("regionId", regionId);
        return observationService.record(Ids.parse("indicatorId", indicatorId), region, period, value, source, unit)
                .map(ObservationView::of);
    }

    // ------------------------------------------------------------------------------------ federation entities

    /** Federation entity lookup: every Indicator representation of a request in one call and one SQL query. */
    @Resolver
    public Uni<List<IndicatorView>> indicatorsById(@Name("id") List<String> ids) {
        List<UUID> uuids = ids.stream().map(Ids::parseOrNull).toList();
        return service.findByIds(uuids.stream().filter(Objects::nonNull).toList()).map(found -> {
            Map<UUID, Indicator> byId = found.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
            return uuids.stream().map(id -> id == null ? null : IndicatorView.of(byId.get(id))).toList();
        });
    }

    /** Lets the gateway enter this subgraph at a Plan, for the fields indicator-service contributes to it. */
    @Resolver
    public List<PlanRef> planReferences(@Name("id") List<String> ids) {
        return ids.stream().map(id -> PlanRef.of(Ids.parseOrNull(id))).toList();
    }

    // Nullable, as every field this subgraph adds to another's entity: when indicator-service is down, the gateway
    // nulls this field and keeps the plan.
    @Name("indicators")
    @Description("The indicators the plan sets, in the order it lists them; null when indicator-service is unavailable.")
    public Uni<List<List<@NonNull IndicatorView>>> planIndicators(@Source List<PlanRef> plans) {
        return facts.byPlans(plans.stream().map(PlanRef::id).toList()).map(IndicatorApi::viewLists);
    }

    @Name("indicators")
    @Description("The indicators this organization is responsible for; null when indicator-service is unavailable.")
    public Uni<List<List<@NonNull IndicatorView>>> organizationIndicators(@Source List<OrganizationRef> orgs) {
        return facts.byResponsibleOrgs(orgs.stream().map(OrganizationRef::id).toList()).map(IndicatorApi::viewLists);
    }

    // ------------------------------------------------------------------------------------ Indicator fields

    // Nullable like every field that points into another service: a plan-service outage nulls it, not the indicator.
    public PlanRef plan(@Source IndicatorView indicator) {
        return PlanRef.of(indicator.planId());
    }

    public Uni<List<List<@NonNull OrganizationRef>>> responsibleOrgs(@Source List<IndicatorView> indicators) {
        return facts.responsibleOrgs(ids(indicators))
                .map(lists -> lists.stream().map(orgs -> orgs.stream().map(OrganizationRef::of).toList()).toList());
    }

    @Description("The regional targets, in table order; with period (2021-2025 or 2022), only that period's.")
    public CompletionStage<@NonNull List<@NonNull RegionalTargetView>> regionalTargets(@Source IndicatorView indicator,
            String period) {
        String normalized = period == null ? null : Period.parse("period", period).text();
        return ArgumentBatches.<IndicatorFacts.TargetSelection, List<RegionalTargetView>> load(context, "Indicator.regionalTargets",
                new IndicatorFacts.TargetSelection(indicator.id(), normalized),
                keys -> facts.regionalTargets(keys)
                        .map(lists -> lists.stream().map(rows -> rows.stream().map(RegionalTargetView::of).toList()).toList()));
    }

    @Description("Every observation, superseded ones included, newest first; with region, only that region's.")
    public CompletionStage<@NonNull List<@NonNull ObservationView>> observations(@Source IndicatorView indicator,
            @Id String region) {
        UUID regionId = region == null ? null : Ids.parse("region", region);
        return ArgumentBatches.<IndicatorFacts.ObservationSelection, List<ObservationView>> load(context, "Indicator.observations",
                new IndicatorFacts.ObservationSelection(indicator.id(), regionId),
                keys -> facts.observations(keys)
                        .map(lists -> lists.stream().map(rows -> rows.stream().map(ObservationView::of).toList()).toList()));
    }

    @Description("The newest current value of the whole area or, for an additive unit without one, the sum of each region's newest.")
    public Uni<List<ObservationView>> latest(@Source List<IndicatorView> indicators) {
        return latestOf(indicators).map(latest -> latest.stream().map(ObservationView::of).toList());
    }

    @Description("(latest − baseline) / (target − baseline) as a fraction; null without a latest value or a baseline.")
    public Uni<List<Double>> progress(@Source List<IndicatorView> indicators) {
        return assess(indicators).map(a -> a.stream().map(Assessment::progress).toList());
    }

    @Description("Whether the latest value meets the target by the comparator; null without a latest value.")
    public Uni<List<Boolean>> met(@Source List<IndicatorView> indicators) {
        return assess(indicators).map(a -> a.stream().map(Assessment::met).toList());
    }

    @Description("DONE when met; RED when the target year passed unmet; YELLOW without observations or when progress "
            + "lags the straight line from baseline year to target year by more than 25 points; GREEN otherwise.")
    @NonNull
    public Uni<List<Health>> health(@Source List<IndicatorView> indicators) {
        return assess(indicators).map(a -> a.stream().map(Assessment::health).toList());
    }

    @Description("Every audited write of the indicator, its regional targets and its observations, newest first.")
    @NonNull
    public Uni<List<List<@NonNull HistoryEntry>>> history(@Source List<IndicatorView> indicators) {
        return history.entries(ids(indicators));
    }

    @Description("When it was last changed: the last audited write of the indicator, its regional targets or its observations.")
    public CompletionStage<@NonNull OffsetDateTime> updatedAt(@Source IndicatorView indicator) {
        return lastWrite(indicator).thenApply(last -> last != null ? last.at()
                : indicator.updatedAt().atZone(ClockProducer.GOVERNMENT_ZONE).toOffsetDateTime());
    }

    @Description("The user name of who made the last audited write (see updatedAt).")
    public CompletionStage<@NonNull String> updatedBy(@Source IndicatorView indicator) {
        return lastWrite(indicator).thenApply(last -> last != null ? last.actor() : indicator.createdBy());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * latest, progress, met and health of the same indicators share one read of their latest values per request: each
     * is its own batch (one per field), and without this each would read the same observations again.
     */
    private Uni<List<Latest>> latestOf(List<IndicatorView> indicators) {
        GraphQLContext request = context.unwrap(DataFetchingEnvironment.class).getGraphQlContext();
        Map<List<UUID>, Uni<List<Latest>>> read = request.computeIfAbsent("Indicator.latest", key -> new ConcurrentHashMap<>());
        return read.computeIfAbsent(ids(indicators), key -> facts.latest(figures(indicators)).memoize().indefinitely());
    }

    private Uni<List<Assessment>> assess(List<IndicatorView> indicators) {
        return latestOf(indicators).map(latest -> facts.assess(figures(indicators), latest));
    }

    /** updatedAt and updatedBy of every indicator of a request share one loader: one SQL statement for both. */
    private CompletionStage<IndicatorHistory.LastWrite> lastWrite(IndicatorView indicator) {
        return ArgumentBatches.<UUID, IndicatorHistory.LastWrite> load(context, "Indicator.lastWrite", indicator.id(),
                history::lastWrites);
    }

    private static List<IndicatorView> views(List<Indicator> found) {
        return found.stream().map(IndicatorView::of).toList();
    }

    private static List<List<IndicatorView>> viewLists(List<List<Indicator>> found) {
        return found.stream().map(IndicatorApi::views).toList();
    }

    private static List<UUID> ids(List<IndicatorView> indicators) {
        return indicators.stream().map(IndicatorView::id).toList();
    }

    private static List<IndicatorFigures> figures(List<IndicatorView> indicators) {
        return indicators.stream().map(IndicatorView::figures).toList();
    }
}
