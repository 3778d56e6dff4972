package gov.planning.plan.importing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import gov.planning.common.remote.ServiceGraphQL;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** indicator-service's GraphQL API ({@code planning.indicator-service.url}), called with the importing user's token. */
@ApplicationScoped
@DefaultBean
public class GraphQLIndicatorClient implements IndicatorClient {

    @Inject
    ServiceGraphQL graphql;

    // Creating a plan's indicators and targets can take a while on a busy machine; a lookup is quicker.
    @ConfigProperty(name = "planning.service-call.timeout", defaultValue = "PT20S")
    Duration timeout;

    @ConfigProperty(name = "planning.indicator-service.url")
    String url;

    @Override
    public Uni<Map<String, String>> indicatorsOf(String bearer, UUID planId) {
        return graphql.callAs(bearer, url, "indicator-service (reading the plan's indicators)",
                // A plan names tens of indicators; one page of the most a page holds is all of them.
                "query($plan: ID) { indicators(planId: $plan, first: 500) { edges { node { id name } } } }",
                Json.createObjectBuilder().add("plan", planId.toString()).build(), timeout).map(data -> {
                    Map<String, String> byName = new LinkedHashMap<>();
                    data.getJsonObject("indicators").getJsonArray("edges").forEach(edge -> {
                        var i = edge.asJsonObject().getJsonObject("node");
                        byName.putIfAbsent(i.getString("name"), i.getString("id"));
                    });
                    return byName;
                });
    }

    @Override
    public Uni<String> createIndicator(String bearer, UUID planId, NewIndicator in) {
        JsonObjectBuilder input = Json.createObjectBuilder().add("name", in.name()).add("comparator", in.comparator())
                .add("targetValue", in.targetValue());
        input.add("unit", in.unit() == null ? JsonValue.NULL : Json.createValue(in.unit()));
        input.add("baselineValue", in.baselineValue() == null ? JsonValue.NULL : Json.createValue(in.baselineValue()));
        input.add("baselineYear", in.baselineYear() == null ? JsonValue.NULL : Json.createValue(in.baselineYear()));
        input.add("targetYear", in.targetYear() == null ? JsonValue.NULL : Json.createValue(in.targetYear()));
        JsonArrayBuilder orgs = Json.createArrayBuilder();
        in.responsibleOrgIds().forEach(id -> orgs.add(id.toString()));
        input.add("responsibleOrgIds", orgs);
        return graphql.callAs(bearer, url, "indicator-service (creating indicator " + in.name() + ")",
                "mutation($plan: ID!, $input: IndicatorInput!) { createIndicator(planId: $plan, input: $input) { id } }",
                Json.createObjectBuilder().add("plan", planId.toString()).add("input", input).build(), timeout)
                .map(data -> data.getJsonObject("createIndicator").getString("id"));
    }

    @Override
    public Uni<Void> deleteIndicator(String bearer, String id) {
        return graphql.callAs(bearer, url, "indicator-service (removing indicator " + id + ")", "mutation($id: ID!) { deleteIndicator(id: $id) }",
                Json.createObjectBuilder().add("id", id).build(), timeout).replaceWithVoid();
    }

    @Override
    public Uni<Void> setRegionalTargets(String bearer, String indicatorId, String period, List<RegionalTarget> rows, Double total, String unit) {
        JsonArrayBuilder given = Json.createArrayBuilder();
        rows.forEach(r -> given.add(Json.createObjectBuilder().add("regionId", r.regionId().toString()).add("value", r.value())));
        JsonObjectBuilder variables = Json.createObjectBuilder().add("id", indicatorId).add("period", period).add("rows", given)
                .add("total", total == null ? JsonValue.NULL : Json.createValue(total))
                .add("unit", unit == null ? JsonValue.NULL : Json.createValue(unit));
        return graphql.callAs(bearer, url, "indicator-service (regional targets for " + period + ")",
                "mutation($id: ID!, $period: String!, $rows: [RegionalTargetInput!]!, $total: Float, $unit: String) "
                        + "{ setRegionalTargets(indicatorId: $id, period: $period, rows: $rows, total: $total, unit: $unit) { period } }",
                variables.build(), timeout).replaceWithVoid();
    }
}
