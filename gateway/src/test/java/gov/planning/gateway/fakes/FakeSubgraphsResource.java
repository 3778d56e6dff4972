package gov.planning.gateway.fakes;

import static gov.planning.gateway.fakes.FakeSubgraph.typed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphqlErrorException;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the three fake subgraphs before the gateway, and points {@code planning.subgraphs.*.url} at them.
 * Data: organizations o1 (nmg) and o2 (nmg.zjt); plans p1, p2, p3 issued by o1, o2, o1; indicators i1, i2 of p1.
 */
public class FakeSubgraphsResource implements QuarkusTestResourceLifecycleManager {

    static final Map<String, Map<String, Object>> ORGS = new LinkedHashMap<>();
    static final Map<String, Map<String, Object>> PLANS = new LinkedHashMap<>();
    static final Map<String, Map<String, Object>> INDICATORS = new LinkedHashMap<>();

    static {
        ORGS.put("o1", org("o1", "nmg", "内蒙古自治区人民政府", "GOVERNMENT", null));
        ORGS.put("o2", org("o2", "nmg.zjt", "自治区住房和城乡建设厅", "DEPARTMENT", "o1"));
        PLANS.put("p1", plan("p1", "Plan A", "PUBLISHED", "o1"));
        PLANS.put("p2", plan("p2", "Plan B", "DRAFT", "o2"));
        PLANS.put("p3", plan("p3", "Plan C", "PUBLISHED", "o1"));
        INDICATORS.put("i1", indicator("i1", "耕地保有量", "p1"));
        INDICATORS.put("i2", indicator("i2", "城镇新增就业", "p1"));
    }

    private final List<FakeSubgraph> started = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            FakeSubgraph org = new FakeSubgraph(sdl("org-service"),
                    (type, rep) -> ORGS.get((String) rep.get("id")) == null ? null : typed("Organization", ORGS.get((String) rep.get("id"))),
                    wiring -> wiring.type("Query", b -> b
                            .dataFetcher("organizations", env -> ORGS.values().stream().map(o -> typed("Organization", o)).toList())
                            .dataFetcher("organization", env -> ORGS.get((String) env.getArgument("id")))
                            .dataFetcher("me", env -> Map.of("username", "viewer", "orgs", List.of(ORGS.get("o1"))))));
            FakeSubgraph plan = new FakeSubgraph(sdl("plan-service"),
                    (type, rep) -> type.equals("Plan") ? typed("Plan", PLANS.get((String) rep.get("id")))
                            : typed("Organization", Map.of("id", rep.get("id"), "plans",
                                    PLANS.values().stream().filter(p -> ((Map<?, ?>) p.get("issuer")).get("id").equals(rep.get("id"))).toList())),
                    wiring -> wiring.type("Query", b -> b
                            .dataFetcher("plans", env -> PLANS.values().stream()
                                    .filter(p -> env.getArgument("status") == null || p.get("status").equals(env.getArgument("status")))
                                    .toList())
                            .dataFetcher("plan", env -> PLANS.get((String) env.getArgument("id")))
                            .dataFetcher("documents", env -> PLANS.values().stream().map(p -> typed("Plan", p)).toList()))
                            .type("Mutation", b -> b.dataFetcher("createPlan", env -> {
                                Map<String, Object> input = env.getArgument("input");
                                return plan("p9", (String) input.get("title"), "DRAFT", (String) input.get("issuerId"));
                            })));
            FakeSubgraph indicator = new FakeSubgraph(sdl("indicator-service"),
                    (type, rep) -> switch (type) {
                        case "Plan" -> typed("Plan", Map.of("id", rep.get("id"), "indicators", INDICATORS.values().stream()
                                .filter(i -> ((Map<?, ?>) i.get("plan")).get("id").equals(rep.get("id"))).toList()));
                        case "Indicator" -> typed("Indicator", INDICATORS.get((String) rep.get("id")));
                        default -> typed(type, Map.of("id", rep.get("id")));
                    },
                    wiring -> wiring.type("Query", b -> b.dataFetcher("indicators", env -> List.copyOf(INDICATORS.values())))
                            .type("Plan", b -> b.dataFetcher("indicatorSummary", env -> {
                                throw GraphqlErrorException.newErrorException().message("Only planners may read the summary")
                                        .extensions(Map.of("code", "FORBIDDEN")).build();
                            })));
            started.add(org);
            started.add(plan);
            started.add(indicator);
            return Map.of(
                    "planning.subgraphs.org-service.url", org.url(),
                    "planning.subgraphs.plan-service.url", plan.url(),
                    "planning.subgraphs.indicator-service.url", indicator.url(),
                    "planning.subgraphs.indicator-service.timeout", "2s",
                    "planning.composition.retry-interval", "1h");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        started.forEach(FakeSubgraph::stop);
    }

    public static String sdl(String name) {
        return FakeSubgraph.resource("/subgraphs/" + name + ".graphql");
    }

    private static Map<String, Object> org(String id, String code, String name, String kind, String parentId) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("id", id);
        org.put("code", code);
        org.put("name", name);
        org.put("kind", kind);
        org.put("parent", parentId == null ? null : ORGS.get(parentId));
        return org;
    }

    private static Map<String, Object> plan(String id, String title, String status, String issuerId) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", id);
        plan.put("title", title);
        plan.put("status", status);
        plan.put("issuedOn", "2025-01-0" + id.charAt(1));
        plan.put("issuer", Map.of("id", issuerId));
        return plan;
    }

    private static Map<String, Object> indicator(String id, String name, String planId) {
        return Map.of("id", id, "name", name, "plan", Map.of("id", planId), "responsibleOrgs", List.of(Map.of("id", "o2")));
    }
}
