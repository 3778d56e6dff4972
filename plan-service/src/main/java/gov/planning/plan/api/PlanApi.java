package gov.planning.plan.api;

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

import gov.planning.common.api.Cursor;
import gov.planning.common.api.Ids;
import gov.planning.orgref.OrganizationRef;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.PlanStatus;
import gov.planning.plan.service.NewPlan;
import gov.planning.plan.service.PlanService;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = { @Import(name = "@key") })
public class PlanApi {

    @Inject
    PlanService service;

    @Query
    @Description("One plan by id.")
    public Uni<PlanView> plan(@NonNull @Id String id) {
        UUID uuid = Ids.parseOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem() : service.findById(uuid).map(PlanView::of);
    }

    @Query
    @Description("Plans, newest first, optionally of one status; `first`/`after` page through them.")
    public Uni<@NonNull List<@NonNull PlanView>> plans(PlanStatus status, Integer first, String after) {
        return service.page(status, Cursor.offsetAfter(after), Cursor.pageSize(first))
                .map(found -> found.stream().map(PlanView::of).toList());
    }

    @Mutation
    @Description("Creates a DRAFT plan (admin, or a planner).")
    public Uni<@NonNull PlanView> createPlan(@NonNull @Name("input") NewPlan input) {
        return service.create(input).map(PlanView::of);
    }

    /** Federation entity lookup: every Plan representation of a request in one call and one SQL query. */
    @Resolver
    public Uni<List<PlanView>> plansById(@Name("id") List<String> ids) {
        List<UUID> uuids = ids.stream().map(Ids::parseOrNull).toList();
        return service.findByIds(uuids.stream().filter(Objects::nonNull).toList()).map(found -> {
            Map<UUID, Plan> byId = found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
            return uuids.stream().map(id -> id == null ? null : PlanView.of(byId.get(id))).toList();
        });
    }

    @Description("The issuing organization (发文机关), resolved by org-service.")
    public OrganizationRef issuer(@Source PlanView plan) {
        return OrganizationRef.of(plan.issuerId());
    }
}
