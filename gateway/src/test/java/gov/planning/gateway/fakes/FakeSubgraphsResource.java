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
                            .type("Mutation", b -> b.dataFetcher("confirmIndicator", env -> INDICATORS.get((String) env.getArgument("id"))))
                            .type("Plan", b -> b.dataFetcher("indicatorSummary", env -> {
                                throw GraphqlErrorException.newErrorException().message("Only planners may read the summary")
                                        .extensions(Map.of("code", "FORBIDDEN")).build();
                            })));
            plan.handle("/ledger/", exchange -> ledger(plan, exchange));
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

    /** The bytes the fake plan-service's ledger of plan p1 has (big enough to take many buffers through the gateway). */
    public static byte[] ledgerBytes() {
        byte[] bytes = new byte[1_500_000];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }

    /** The file name plan-service gives p1's ledger: RFC 6266 with the Chinese name, and an ASCII fallback. */
    public static final String LEDGER_DISPOSITION = "attachment; filename=\"ledger.xlsx\"; filename*=UTF-8''"
            + java.net.URLEncoder.encode("Plan A-台账-2026-12-05.xlsx", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");

    /**
     * plan-service's {@code /ledger/**}: p1's ledger with its file name, p3's without one, p2 refused with a stack
     * trace in an HTML page (what must not reach a browser), {@code tasks.xlsx} with whatever filters were asked.
     */
    private static void ledger(FakeSubgraph plan, com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("path", path);
        recorded.put("query", String.valueOf(exchange.getRequestURI().getRawQuery()));
        recorded.put("authorization", String.valueOf(authorization));
        recorded.put("X-Request-Id", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
        plan.record(recorded);
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        byte[] body;
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            exchange.sendResponseHeaders(401, -1);
        } else if (plan.mode().equals("http500")) {
            body = "<html><body>java.lang.IllegalStateException: pool exhausted</body></html>".getBytes();
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
        } else if (path.equals("/ledger/plans/p1.xlsx")) {
            exchange.getResponseHeaders().add("Content-Type", xlsx);
            exchange.getResponseHeaders().add("Content-Disposition", LEDGER_DISPOSITION);
            body = ledgerBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } else if (path.equals("/ledger/tasks.xlsx") && String.valueOf(exchange.getRequestURI().getQuery()).contains("PURPLE")) {
            body = "health: 'PURPLE' is not one of [GREEN, YELLOW, RED, DONE]".getBytes(); // what plan-service answers
            exchange.getResponseHeaders().add("Content-Type", "text/plain;charset=UTF-8");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
        } else if (path.equals("/ledger/tasks.xlsx") && String.valueOf(exchange.getRequestURI().getQuery()).contains("CRASH")) {
            body = "java.lang.NullPointerException\n\tat gov.planning.plan.api.LedgerResource".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
        } else if (path.equals("/ledger/plans/p3.xlsx") || path.equals("/ledger/tasks.xlsx")) {
            exchange.getResponseHeaders().add("Content-Type", xlsx);
            exchange.sendResponseHeaders(200, 0); // chunked: no length known in advance
            exchange.getResponseBody().write("PK-small".getBytes());
        } else if (path.equals("/ledger/plans/p2.xlsx")) {
            body = "<html>java.lang.SecurityException at gov.planning.plan.api.LedgerResource</html>".getBytes();
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
        } else if (path.equals("/ledger/plans/bad.xlsx")) {
            body = "{\"errors\":[{\"message\":\"计划编号无效\",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
        exchange.close();
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
