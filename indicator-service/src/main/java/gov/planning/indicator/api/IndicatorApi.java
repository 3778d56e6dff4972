package gov.planning.indicator.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
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

import gov.planning.common.api.Ids;
import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.service.IndicatorService;
import gov.planning.indicator.service.NewIndicator;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = { @Import(name = "@key") })
public class IndicatorApi {

    @Inject
    IndicatorService service;

    @Query
    @Description("One indicator by id.")
    public Uni<IndicatorView> indicator(@NonNull @Id String id) {
        UUID uuid = Ids.parseOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem() : service.findById(uuid).map(IndicatorView::of);
    }

    @Query
    @Description("The indicators a plan sets, in the order it lists them.")
    public Uni<@NonNull List<@NonNull IndicatorView>> indicators(@Id String planId) {
        if (planId == null) {
            return Uni.createFrom().item(List.of());
        }
        return service.findByPlan(Ids.parse("planId", planId)).map(found -> found.stream().map(IndicatorView::of).toList());
    }

    @Mutation
    @Description("Adds an indicator to a plan (admin, or a planner).")
    public Uni<@NonNull IndicatorView> createIndicator(@NonNull @Id String planId, @NonNull @Name("input") NewIndicator input) {
        return service.create(Ids.parse("planId", planId), input).map(IndicatorView::of);
    }

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

    public @NonNull PlanRef plan(@Source IndicatorView indicator) {
        return PlanRef.of(indicator.planId());
    }
}
