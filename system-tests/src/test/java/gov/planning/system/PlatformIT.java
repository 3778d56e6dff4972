package gov.planning.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The platform started exactly as the README says, with real tokens from the real Keycloak for the demo users.
 */
class PlatformIT {

    private static LocalPlatform platform;
    private static List<Long> startedPids = List.of();

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new LocalPlatform();
        platform.up();
        startedPids = platform.recordedPids();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.down();
        }
    }

    private static String token(String user) {
        return platform.token(user);
    }

    private static JsonPath graphql(String portVariable, String token, String query) {
        return platform.graphql(portVariable, token, query, Map.of());
    }

    private static JsonPath claims(String token) {
        String payload = token.split("\\.")[1];
        return new JsonPath(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    @Test
    void everySubgraphAnswersAnAuthenticatedQueryWithARealKeycloakToken() {
        String planner = token("planner");
        assertThat(graphql("ORG_SERVICE_PORT", planner, "{ me { username roles } }").getString("data.me.username"))
                .isEqualTo("planner");
        assertThat(graphql("PLAN_SERVICE_PORT", planner, "{ plans(first: 5) { totalCount edges { node { id } } } }").getString("errors")).isNull();
        assertThat(graphql("INDICATOR_SERVICE_PORT", planner, "{ indicators { totalCount } }").getString("errors")).isNull();
        given().auth().oauth2(planner).when().get(platform.url("GATEWAY_PORT", "/viewer"))
                .then().statusCode(200).body("username", org.hamcrest.Matchers.equalTo("planner"));
    }

    @Test
    void oneTraceJoinsTheGatewayAndEverySubgraphItFetchesFromForANestedQuery() throws Exception {
        String admin = token("admin");
        String nmg = graphql("ORG_SERVICE_PORT", admin, "{ organization(code: \"nmg\") { id } }").getString("data.organization.id");
        String planId = platform.graphql("GATEWAY_PORT", admin, """
                mutation($issuer: ID!) { createPlan(input: { title: "系统测试：链路追踪", kind: PLAN, issuerId: $issuer }) { id } }""",
                Map.of("issuer", nmg)).getString("data.createPlan.id");

        var response = given().contentType(ContentType.JSON).auth().oauth2(admin)
                .body(Map.of("query", "query($id: ID!) { plan(id: $id) { title issuer { name } indicators { name } } }",
                        "variables", Map.of("id", planId)))
                .when().post(platform.url("GATEWAY_PORT", "/graphql")).then().statusCode(200).extract();
        assertThat(response.jsonPath().getString("errors")).isNull();
        assertThat(response.jsonPath().getString("data.plan.issuer.name")).isNotBlank();
        // Without an X-Request-Id of its own, the request id the gateway answers is the trace id.
        String traceId = response.header("X-Request-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");

        // Spans are exported in batches (every 5 seconds).
        long deadline = System.currentTimeMillis() + 60_000;
        List<String> missing;
        do {
            Thread.sleep(1_000);
            List<String> fetchSpanIds = platform.spans("gateway").stream()
                    .filter(span -> traceId.equals(span.getString("traceId")) && "CLIENT".equals(span.getString("kind")))
                    .map(span -> span.getString("spanId")).toList();
            missing = new java.util.ArrayList<>();
            for (String subgraph : List.of("plan-service", "org-service", "indicator-service")) {
                boolean joined = platform.spans(subgraph).stream().anyMatch(span -> traceId.equals(span.getString("traceId"))
                        && "SERVER".equals(span.getString("kind")) && fetchSpanIds.contains(span.getString("parentSpanId")));
                if (!joined) {
                    missing.add(subgraph);
                }
            }
        } while (!missing.isEmpty() && System.currentTimeMillis() < deadline);
        assertThat(missing).as("subgraphs without a server span under one of the gateway's fetch spans of trace " + traceId).isEmpty();
        assertThat(platform.spans("gateway")).as("the gateway's own server span of the request")
                .anyMatch(span -> traceId.equals(span.getString("traceId")) && "SERVER".equals(span.getString("kind")));
        assertThat(platform.spans("plan-service")).as("plan-service's SQL statements are spans of the same trace")
                .anyMatch(span -> traceId.equals(span.getString("traceId")) && "CLIENT".equals(span.getString("kind"))
                        && span.getMap("attributes").keySet().stream().anyMatch(key -> key.toString().startsWith("db.")));
        // ... and every part's log line of the request carries the trace id, so ops find the lines of one trace.
        for (String part : List.of("gateway", "plan-service", "org-service", "indicator-service")) {
            assertThat(java.nio.file.Files.readAllLines(platform.state.resolve("logs").resolve(part + ".log")))
                    .as(part + "'s access log line of the request").anyMatch(line -> line.contains("trace=" + traceId)
                            && line.contains("\"POST /graphql"));
        }
        // The console, which the browser loads the app and its settings from, continues a caller's trace the same way.
        given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00").when().get(platform.url("CONSOLE_PORT", "/api/config"))
                .then().statusCode(200);
        java.nio.file.Path consoleLog = platform.state.resolve("logs").resolve("console.log");
        long logged = System.currentTimeMillis() + 10_000; // the access log line is written as the response ends
        while (java.nio.file.Files.readAllLines(consoleLog).stream().noneMatch(line -> line.contains("trace=" + traceId))
                && System.currentTimeMillis() < logged) {
            Thread.sleep(200);
        }
        assertThat(java.nio.file.Files.readAllLines(consoleLog)).as("the console's access log line of a request in the trace")
                .anyMatch(line -> line.contains("trace=" + traceId) && line.contains("\"GET /api/config"));
    }

    @Test
    void theDashboardsAndAlertsQueryOnlyMetricsAndLabelsTheServicesExport() throws Exception {
        // Traffic that makes every series exist: requests through the gateway to all subgraphs (database pools
        // included) and a subgraph's refusal, which the gateway counts as a subgraph error.
        String viewer = token("viewer");
        platform.graphql("GATEWAY_PORT", viewer, "{ plans(first: 5) { edges { node { title issuer { name } indicators { name } } } } }", Map.of());
        platform.graphql("GATEWAY_PORT", viewer, "mutation { createPlan(input: { title: \"viewer 不应能创建\", kind: PLAN, issuerId: \"00000000-0000-0000-0000-000000000001\" }) { id } }", Map.of());

        // metric name -> the label names its exported series carry
        Map<String, java.util.Set<String>> exported = new java.util.TreeMap<>();
        java.util.regex.Pattern labelName = java.util.regex.Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:\\\\.|[^\"\\\\])*\"");
        for (String port : List.of("GATEWAY_PORT", "ORG_SERVICE_PORT", "PLAN_SERVICE_PORT", "INDICATOR_SERVICE_PORT")) {
            String scrape = given().when().get(platform.url(port, "/q/metrics")).then().statusCode(200).extract().asString();
            scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
                java.util.Set<String> labels = exported.computeIfAbsent(line.split("[{ ]", 2)[0], k -> new java.util.TreeSet<>());
                if (line.contains("{")) {
                    labelName.matcher(line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1)).results()
                            .forEach(m -> labels.add(m.group(1)));
                }
            });
        }
        java.nio.file.Path monitoring = platform.root.resolve("k8s/monitoring");
        List<String> exprs = new java.util.ArrayList<>(MonitoringQueries.alertExpressions(monitoring.resolve("alerts.yaml")));
        try (var dashboards = java.nio.file.Files.list(monitoring.resolve("dashboards"))) {
            for (java.nio.file.Path dashboard : dashboards.filter(f -> f.toString().endsWith(".json")).toList()) {
                exprs.addAll(MonitoringQueries.dashboardExpressions(dashboard));
            }
        }
        java.util.Set<String> queried = new java.util.TreeSet<>();
        // "metric label" for each label the queries select on or group by (one string, so a failure names both)
        java.util.Set<String> labelled = new java.util.TreeSet<>();
        for (String expr : exprs) {
            queried.addAll(MonitoringQueries.metricNames(expr));
            MonitoringQueries.labelsUsed(expr).forEach((metric, labels) -> labels.forEach(l -> labelled.add(metric + " " + l)));
        }
        // Prometheus' own `up` and the exporters of CloudNativePG (its Barman Cloud Plugin's too) and cert-manager are
        // not the services'.
        java.util.function.Predicate<String> notOurs = name -> name.equals("up") || name.startsWith("cnpg_")
                || name.startsWith("barman_cloud_") || name.startsWith("certmanager_");
        queried.removeIf(notOurs);
        labelled.removeIf(notOurs);

        assertThat(queried).as("metric names in k8s/monitoring").contains("http_server_requests_seconds_bucket",
                "gateway_subgraph_requests_seconds_count");
        assertThat(exported.keySet()).as("what the four services export at /q/metrics").containsAll(queried);
        // A label a service does not export makes a panel silently empty or an alert that never fires.
        assertThat(labelled).as("labels k8s/monitoring selects or groups by").contains("gateway_subgraph_requests_seconds_count subgraph",
                "http_server_requests_seconds_count status");
        java.util.Set<String> exportedLabels = new java.util.TreeSet<>();
        exported.forEach((metric, labels) -> labels.forEach(l -> exportedLabels.add(metric + " " + l)));
        assertThat(exportedLabels).as("metric and label of the series the four services export").containsAll(labelled);
    }

    @Test
    void anonymousCallsGetHttp401Everywhere() {
        for (String port : List.of("ORG_SERVICE_PORT", "PLAN_SERVICE_PORT", "INDICATOR_SERVICE_PORT")) {
            given().contentType(ContentType.JSON).body(Map.of("query", "{ __typename }"))
                    .when().post(platform.url(port, "/graphql")).then().statusCode(401);
        }
        given().when().get(platform.url("GATEWAY_PORT", "/viewer")).then().statusCode(401);
    }

    @Test
    void viewersMutationIsForbiddenAndChangesNothing() {
        String viewer = token("viewer");
        String docNumber = "系统测试〔2099〕" + System.nanoTime() + "号";
        JsonPath refused = graphql("PLAN_SERVICE_PORT", viewer, """
                mutation { createPlan(input: { title: "viewer 不应能创建", kind: PLAN, docNumber: "%s",
                  issuerId: "00000000-0000-0000-0000-000000000001" }) { id } }""".formatted(docNumber));
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");

        JsonPath plans = graphql("PLAN_SERVICE_PORT", token("admin"), "{ plans(first: 500) { edges { node { docNumber } } } }");
        assertThat(plans.getList("data.plans.edges.node.docNumber")).doesNotContain(docNumber);
    }

    @Test
    void reportersTokenCarriesTheirDepartmentsOrgCode() {
        JsonPath claims = claims(token("zjt.reporter"));
        assertThat(claims.getList("org_codes")).containsExactly("nmg.zjt");
        assertThat(claims.getList("realm_access.roles")).contains("reporter").doesNotContain("admin", "planner");
    }

    @Test
    void adminCanCreateAPlanThatEveryoneCanRead() {
        String docNumber = "系统测试〔2099〕" + System.nanoTime() + "号";
        // the issuer must be an organization org-service knows
        String nmg = graphql("ORG_SERVICE_PORT", token("admin"), "{ organization(code: \"nmg\") { id } }").getString("data.organization.id");
        JsonPath created = graphql("PLAN_SERVICE_PORT", token("admin"), """
                mutation { createPlan(input: { title: "系统测试规划", kind: PLAN, docNumber: "%s",
                  issuerId: "%s" }) { id status } }""".formatted(docNumber, nmg));
        assertThat(created.getString("data.createPlan.status")).isEqualTo("DRAFT");
        JsonPath read = graphql("PLAN_SERVICE_PORT", token("viewer"),
                "{ plan(id: \"" + created.getString("data.createPlan.id") + "\") { docNumber } }");
        assertThat(read.getString("data.plan.docNumber")).isEqualTo(docNumber);
    }

    @Test
    void subgraphsComposeIntoASupergraphWithApollosOwnComposition() throws Exception {
        String admin = token("admin");
        java.nio.file.Path dir = platform.root.resolve("system-tests/target/supergraph");
        java.nio.file.Files.createDirectories(dir);
        List<String> command = new java.util.ArrayList<>(List.of("node", "compose.mjs", dir.resolve("supergraph.graphql").toString()));
        for (var subgraph : Map.of("org-service", "ORG_SERVICE_PORT", "plan-service", "PLAN_SERVICE_PORT",
                "indicator-service", "INDICATOR_SERVICE_PORT").entrySet()) {
            String sdl = graphql(subgraph.getValue(), admin, "{ _service { sdl } }").getString("data._service.sdl");
            java.nio.file.Path file = dir.resolve(subgraph.getKey() + ".graphql");
            java.nio.file.Files.writeString(file, sdl);
            command.add(subgraph.getKey() + "=" + platform.url(subgraph.getValue(), "/graphql") + "=" + file);
        }
        java.nio.file.Path federation = platform.root.resolve("federation");
        if (!java.nio.file.Files.isDirectory(federation.resolve("node_modules"))) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(federation.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(install.waitFor()).as(log).isZero();
        }
        Process compose = new ProcessBuilder(command).directory(federation.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(compose.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(compose.waitFor()).as(output).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("supergraph.graphql")))
                .contains("join__type(graph: ORG_SERVICE, key: \"id\")")
                .contains("join__type(graph: PLAN_SERVICE, key: \"id\")");
    }

    @Test
    void gatewayAnswersANestedQueryAcrossAllThreeSubgraphs() {
        String admin = token("admin");
        String nmg = graphql("GATEWAY_PORT", admin, "{ organization(code: \"nmg\") { id } }").getString("data.organization.id");
        String zjt = graphql("GATEWAY_PORT", admin, "{ organization(code: \"nmg.zjt\") { id } }").getString("data.organization.id");
        String planId = graphql("GATEWAY_PORT", admin, """
                mutation { createPlan(input: { title: "系统测试：新型城镇化规划", kind: PLAN, issuerId: "%s", issuedOn: "2016-12-15",
                  periodStart: 2016, periodEnd: 2030 }) { id } }""".formatted(nmg)).getString("data.createPlan.id");
        JsonPath task = graphql("GATEWAY_PORT", admin, """
                mutation { createTask(planId: "%s", input: { number: "（一）", title: "推进城镇老旧小区改造", leadOrgIds: ["%s"],
                  deadline: "2030-12-31" }) { id } }""".formatted(planId, zjt));
        assertThat(task.getString("errors")).isNull();
        JsonPath indicator = graphql("GATEWAY_PORT", admin, """
                mutation { createIndicator(planId: "%s", input: { name: "常住人口城镇化率", unit: "%%", comparator: AT_LEAST,
                  baselineValue: 60.3, baselineYear: 2015, targetValue: 65, targetYear: 2030 }) { id } }""".formatted(planId));
        assertThat(indicator.getString("errors")).isNull();

        JsonPath plan = graphql("GATEWAY_PORT", token("viewer"), """
                { plan(id: "%s") { title issuer { name }
                    tasks { totalCount edges { node { title health leadOrgs { code name } } } }
                    indicators { name target { value year } } } }""".formatted(planId));
        assertThat(plan.getString("errors")).isNull();
        assertThat(plan.getString("data.plan.issuer.name")).isEqualTo("内蒙古自治区人民政府");
        assertThat(plan.getString("data.plan.tasks.edges[0].node.leadOrgs[0].code")).isEqualTo("nmg.zjt");
        assertThat(plan.getString("data.plan.tasks.edges[0].node.leadOrgs[0].name")).contains("住房和城乡建设厅");
        assertThat(plan.getList("data.plan.indicators.name")).containsExactly("常住人口城镇化率");
        given().contentType(ContentType.JSON).body(Map.of("query", "{ plans { id } }"))
                .when().post(platform.url("GATEWAY_PORT", "/graphql")).then().statusCode(401);
    }

    @Test
    void aDepartmentCreatedThroughTheApiBecomesAKeycloakGroupAndItsMembersGetItsCode() throws Exception {
        String code = "nmg.st" + Long.toString(System.nanoTime(), 36);
        JsonPath created = graphql("GATEWAY_PORT", token("admin"), """
                mutation { createOrganization(input: { code: "%s", name: "系统测试厅", kind: DEPARTMENT, level: PROVINCE,
                  parentCode: "nmg" }) { id } }""".formatted(code));
        assertThat(created.getString("errors")).isNull();

        KeycloakAdmin keycloak = new KeycloakAdmin(platform);
        String groupId = keycloak.awaitChildGroup("nmg", code);
        String user = "st-" + Long.toString(System.nanoTime(), 36);
        keycloak.createUserInGroup(user, groupId);

        assertThat(claims(token(user)).getList("org_codes")).containsExactly(code);
    }

    @Test
    void aRenamedAndMovedDepartmentsGroupFollowsWithItsMembers() throws Exception {
        String code = "nmg.mv" + Long.toString(System.nanoTime(), 36);
        JsonPath created = graphql("GATEWAY_PORT", token("admin"), """
                mutation { createOrganization(input: { code: "%s", name: "系统测试局", kind: DEPARTMENT, level: PROVINCE,
                  parentCode: "nmg" }) { id version } }""".formatted(code));
        String id = created.getString("data.createOrganization.id");
        KeycloakAdmin keycloak = new KeycloakAdmin(platform);
        String groupId = keycloak.awaitChildGroup("nmg", code);
        String user = "mv-" + Long.toString(System.nanoTime(), 36);
        keycloak.createUserInGroup(user, groupId);

        // Each write reconciles the written organization's group only (GroupSync), on the group the creation made.
        JsonPath renamed = graphql("GATEWAY_PORT", token("admin"), """
                mutation { updateOrganization(id: "%s", version: %d, input: { name: "系统测试管理局" }) { version } }"""
                .formatted(id, created.getInt("data.createOrganization.version")));
        assertThat(renamed.getString("errors")).isNull();
        assertThat(keycloak.awaitGroupAttribute(groupId, "org_name", "系统测试管理局")).isTrue();
        JsonPath moved = graphql("GATEWAY_PORT", token("admin"), """
                mutation { moveOrganization(id: "%s", newParentCode: "nmg.zjt", version: %d) { id } }"""
                .formatted(id, renamed.getInt("data.updateOrganization.version")));
        assertThat(moved.getString("errors")).isNull();

        assertThat(keycloak.awaitChildGroup("nmg.zjt", code)).isEqualTo(groupId);
        assertThat(claims(token(user)).getList("org_codes")).containsExactly(code);
    }

    @Test
    void platformRecordedAProcessForEachPart() {
        // PostgreSQL, Keycloak, the mail server, the LDAP directory, the three subgraphs, the gateway and the console.
        assertThat(startedPids).hasSize(9);
        assertThat(startedPids).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
