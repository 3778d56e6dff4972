package gov.planning.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The daily work end to end on the platform as the README starts it, with real Keycloak users: plan documents
 * imported with {@code ./platform import}, read back through the gateway, and department-scoped reporting.
 */
class WorkflowIT {

    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new LocalPlatform();
        platform.up();
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

    private static JsonPath gateway(String token, String query, Map<String, Object> variables) {
        return platform.graphql("GATEWAY_PORT", token, query, variables);
    }

    private static String planIdIn(String importOutput) {
        var m = java.util.regex.Pattern.compile("saved as plan ([0-9a-f-]{36})").matcher(importOutput);
        assertThat(m.find()).as(importOutput).isTrue();
        return m.group(1);
    }

    @Test
    void everySampleDocumentImportsAsADraftPlanThatTheGatewayShowsWithItsTasks() throws Exception {
        for (var sample : Map.of("gx-2014-urbanization-task-division.txt", 47, "nmg-2016-urbanization-plan.txt", 86,
                "nmg-2021-urban-renewal-guidance.txt", 20, "synthetic-breakdown-table.txt", 4).entrySet()) {
            String output = platform.importDocument("admin", platform.sample(sample.getKey()));
            assertThat(output).contains("0 unresolved names");
            JsonPath plan = gateway(token("viewer"), "query($id: ID!) { plan(id: $id) { status issuer { name } tasks { totalCount } } }",
                    Map.of("id", planIdIn(output)));
            assertThat(plan.getString("errors")).isNull();
            assertThat(plan.getString("data.plan.status")).isEqualTo("DRAFT");
            assertThat(plan.getInt("data.plan.tasks.totalCount")).as(sample.getKey()).isEqualTo(sample.getValue());
        }
    }

    @Test
    void importingTheSyntheticDocumentGivesIndicatorsWithRegionalTargetsAndIsIdempotent() throws Exception {
        String first = planIdIn(platform.importDocument("admin", platform.sample("synthetic-breakdown-table.txt")));
        String again = planIdIn(platform.importDocument("admin", platform.sample("synthetic-breakdown-table.txt")));
        assertThat(again).isEqualTo(first);

        JsonPath plan = gateway(token("viewer"), """
                query($id: ID!) { plan(id: $id) { tasks { totalCount }
                  indicators { name unit target { value year } health regionalTargets(period: "2025") { region { name } value } } } }""",
                Map.of("id", first));
        assertThat(plan.getString("errors")).isNull();
        assertThat(plan.getInt("data.plan.tasks.totalCount")).isEqualTo(4);
        List<Map<String, Object>> indicators = plan.getList("data.plan.indicators");
        Map<String, Object> renovated = indicators.stream().filter(i -> "个".equals(i.get("unit"))).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) renovated.get("target")).get("value")).isEqualTo(360.0f);
        List<?> rows2025 = (List<?>) renovated.get("regionalTargets");
        assertThat(rows2025).hasSize(5);
        assertThat(rows2025.stream().mapToDouble(r -> ((Number) ((Map<?, ?>) r).get("value")).doubleValue()).sum()).isEqualTo(100.0);
    }

    @Test
    void aReporterReportsOnTheirDepartmentsTaskButNotOnAnotherDepartments() {
        String zjt = orgId("nmg.zjt");
        String taskId = zjtTask("系统测试：住建任务", "城镇老旧小区改造")[1];
        String report = """
                mutation($task: ID!, $org: ID!, $period: String!) { submitProgressReport(taskId: $task, orgId: $org, period: $period,
                  percent: 20, summary: "已完成摸底") { status reportedBy } }""";

        JsonPath refused = gateway(token("zrzyt.reporter"), report, Map.of("task", taskId, "org", zjt, "period", ReportingPeriods.thisQuarter()));
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");

        JsonPath accepted = gateway(token("zjt.reporter"), report, Map.of("task", taskId, "org", zjt, "period", ReportingPeriods.thisQuarter()));
        assertThat(accepted.getString("errors")).isNull();
        assertThat(accepted.getString("data.submitProgressReport.status")).isEqualTo("SUBMITTED");
        assertThat(accepted.getString("data.submitProgressReport.reportedBy")).isEqualTo("zjt.reporter");

        JsonPath reports = gateway(token("viewer"), "query($id: ID!) { task(id: $id) { reports { period percent reportedBy } } }",
                Map.of("id", taskId));
        assertThat(reports.getList("data.task.reports.reportedBy")).containsExactly("zjt.reporter");
    }

    /**
     * The demo government directory (PLATFORM_LDAP=on: slapd with keycloak/ldap/directory.ldif, federated read-only):
     * a directory user signs in with their directory password; org-service places them by their departmentNumber
     * after that first sign-in, so a following sign-in carries 住建厅 and the role 填报员 (reporter).
     */
    @Test
    void aDirectoryUserSignsInWithTheirLdapPasswordLandsInTheirDepartmentAndReportsOnlyForIt() throws Exception {
        String zjt = orgId("nmg.zjt");
        String zrzyt = orgId("nmg.zrzyt");
        String zjtTaskId = zjtTask("系统测试：目录用户住建任务", "目录用户填报")[1];
        String zrzytTaskId = gateway(token("admin"), """
                mutation($plan: ID!, $lead: ID!) { createTask(planId: $plan, input: { title: "目录用户不得填报", leadOrgIds: [$lead],
                  deadline: "2030-12-31" }) { id } }""", Map.of("plan", zjtTask("系统测试：目录用户自然资源任务", "占位")[0], "lead", zrzyt))
                .getString("data.createTask.id");

        JsonPath claims = claimsOnceSettled("dir.zjt.zhang", c -> !orgCodes(c).isEmpty());
        assertThat(orgCodes(claims)).containsExactly("nmg.zjt");
        assertThat(claims.getList("realm_access.roles")).contains("reporter").doesNotContain("admin", "planner");
        String directoryUser = token("dir.zjt.zhang");

        String report = """
                mutation($task: ID!, $org: ID!, $period: String!) { submitProgressReport(taskId: $task, orgId: $org, period: $period,
                  percent: 30, summary: "目录用户填报") { status reportedBy } }""";
        JsonPath refused = gateway(directoryUser, report, Map.of("task", zrzytTaskId, "org", zrzyt, "period", ReportingPeriods.thisQuarter()));
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        JsonPath accepted = gateway(directoryUser, report, Map.of("task", zjtTaskId, "org", zjt, "period", ReportingPeriods.thisQuarter()));
        assertThat(accepted.getString("errors")).isNull();
        assertThat(accepted.getString("data.submitProgressReport.reportedBy")).isEqualTo("dir.zjt.zhang");

        String reports = "query($id: ID!) { task(id: $id) { reports { reportedBy } } }";
        assertThat(gateway(token("viewer"), reports, Map.of("id", zrzytTaskId)).getList("data.task.reports")).isEmpty();
        assertThat(gateway(token("viewer"), reports, Map.of("id", zjtTaskId)).getList("data.task.reports.reportedBy"))
                .containsExactly("dir.zjt.zhang");
    }

    @Test
    void aDirectoryUserWhoseDepartmentThePlatformDoesNotKnowIsPendingAndSeesNoData() throws Exception {
        // A colleague of a known department signs in at the same time: once they are placed, the unknown one was
        // looked at too (one pass of org-service reads both sign-ins).
        token("dir.unknown.sun");
        claimsOnceSettled("dir.zrzyt.liu", c -> !orgCodes(c).isEmpty());

        String pending = token("dir.unknown.sun");
        JsonPath claims = claims(pending);
        assertThat(orgCodes(claims)).isEmpty();
        assertThat(claims.getList("realm_access.roles")).contains("reporter");
        JsonPath refused = gateway(pending, "{ plans(first: 5) { totalCount } }", Map.of());
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(refused.getString("errors[0].message")).contains("待分配");
        assertThat(refused.getString("data.plans")).isNull();
    }

    /**
     * Disabling ends the sessions at once, and the gateway asks Keycloak about each token at least every 30 s
     * (docs/decisions/0005): the access token the leaving colleague still holds is refused long before its 5 minutes
     * are up, while a colleague's keeps working.
     */
    @Test
    void aUserTheDepartmentAdministratorDisablesIsRefusedAtTheGatewayWithinHalfAMinuteWhileColleaguesGoOn() throws Exception {
        String zjt = orgId("nmg.zjt");
        String chief = token("zjt.orgadmin");
        String leaving = zjtReporter("st.leaving.");

        String leavingToken = token(leaving);
        String colleagueToken = token("zjt.reporter");
        String read = "{ plans(first: 1) { totalCount } }";
        assertThat(gateway(leavingToken, read, Map.of()).getString("errors")).isNull();

        JsonPath disabled = gateway(chief, "mutation($o: ID!, $u: String!) { disableStaffMember(organizationId: $o, username: $u) { enabled } }",
                Map.of("o", zjt, "u", leaving));
        assertThat(disabled.getString("errors")).isNull();
        assertThat(disabled.getBoolean("data.disableStaffMember.enabled")).isFalse();
        long at = System.nanoTime();

        int status = 200;
        while (status == 200 && System.nanoTime() - at < java.time.Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(1000);
            status = given().contentType(io.restassured.http.ContentType.JSON).auth().oauth2(leavingToken)
                    .body(Map.of("query", read)).when().post(platform.url("GATEWAY_PORT", "/graphql")).then().extract().statusCode();
        }
        assertThat(status).as("the disabled user's token at the gateway").isEqualTo(401);
        // 20 s cache + 10 s sweep, and a little for a loaded machine; the token itself was valid for 5 minutes.
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - at)).isLessThan(java.time.Duration.ofSeconds(40));
        given().contentType(io.restassured.http.ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "planning-web", "username", leaving, "password", leaving))
                .when().post(platform.url("KEYCLOAK_PORT", "/realms/planning/protocol/openid-connect/token")).then().statusCode(400);

        JsonPath colleague = gateway(colleagueToken, read, Map.of());
        assertThat(colleague.getString("errors")).isNull();
        assertThat(colleague.getInt("data.plans.totalCount")).isGreaterThanOrEqualTo(0);
    }

    /**
     * Least privilege (docs/decisions/0008): org-service's service account does what org-service does to a staff
     * account through Keycloak's fine-grained admin permissions, and Keycloak itself refuses it everything else.
     */
    @Test
    void theServiceAccountManagesStaffButKeycloakRefusesItAdminRightsClientsAndRealmSettings() throws Exception {
        KeycloakAdmin keycloak = new KeycloakAdmin(platform);
        String zjtGroup = keycloak.awaitChildGroup("nmg", "nmg.zjt");
        String username = "st.sa." + Long.toString(System.nanoTime(), 36);
        assertThat(keycloak.status("POST", "/users", Map.of("username", username, "enabled", true, "firstName", "System",
                "lastName", "Test", "email", username + "@planning.local"))).isEqualTo(201);
        String userId = keycloak.read("/users?exact=true&username=" + username).getString("[0].id");
        assertThat(keycloak.status("PUT", "/users/" + userId + "/groups/" + zjtGroup, null)).isEqualTo(204);
        List<Map<String, Object>> available = keycloak.read("/users/" + userId + "/role-mappings/realm/available").getList("$");
        assertThat(available).extracting(r -> r.get("name")).contains("reporter", "planner", "viewer", "org-admin").doesNotContain("admin");
        Map<String, Object> reporter = available.stream().filter(r -> "reporter".equals(r.get("name"))).findFirst().orElseThrow();
        assertThat(keycloak.status("POST", "/users/" + userId + "/role-mappings/realm", List.of(reporter))).isEqualTo(204);

        Map<String, Object> admin = keycloak.readAsServerAdmin("/roles/admin").getMap("$");
        assertThat(keycloak.status("POST", "/users/" + userId + "/role-mappings/realm", List.of(admin))).isEqualTo(403);
        String webClient = keycloak.readAsServerAdmin("/clients?clientId=planning-web").getString("[0].id");
        assertThat(keycloak.status("PUT", "/clients/" + webClient, Map.of("redirectUris", List.of("*")))).isEqualTo(403);
        assertThat(keycloak.status("PUT", "", Map.of("registrationAllowed", true))).isEqualTo(403);
        assertThat(keycloak.status("GET", "/clients", null)).isEqualTo(403);
        assertThat(keycloak.readAsServerAdmin("/users/" + userId + "/role-mappings/realm").getList("name")).contains("reporter").doesNotContain("admin");
        assertThat(keycloak.readAsServerAdmin("/clients/" + webClient).getList("redirectUris")).doesNotContain("*");
        assertThat(keycloak.readAsServerAdmin("").getBoolean("registrationAllowed")).isFalse();

        assertThat(keycloak.status("PUT", "/users/" + userId, Map.of("enabled", false))).isEqualTo(204);
        assertThat(keycloak.status("POST", "/users/" + userId + "/logout", null)).isEqualTo(204);
        assertThat(keycloak.read("/users/" + userId).getBoolean("enabled")).isFalse();
    }

    /** Leaving: the moment a department administrator disables a user, the refresh token they hold is refused. */
    @Test
    void aDisabledUsersRefreshTokenIsRefusedAtOnce() throws Exception {
        String zjt = orgId("nmg.zjt");
        String leaving = "st.refresh." + Long.toString(System.nanoTime(), 36);
        KeycloakAdmin keycloak = new KeycloakAdmin(platform);
        keycloak.createUserInGroup(leaving, keycloak.awaitChildGroup("nmg", "nmg.zjt"));
        String tokens = platform.url("KEYCLOAK_PORT", "/realms/planning/protocol/openid-connect/token");
        String refresh = given().contentType(io.restassured.http.ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "planning-web", "username", leaving, "password", leaving))
                .when().post(tokens).then().statusCode(200).extract().path("refresh_token");
        refresh = given().contentType(io.restassured.http.ContentType.URLENC)
                .formParams(Map.of("grant_type", "refresh_token", "client_id", "planning-web", "refresh_token", refresh))
                .when().post(tokens).then().statusCode(200).extract().path("refresh_token");

        JsonPath disabled = gateway(token("zjt.orgadmin"), "mutation($o: ID!, $u: String!) { disableStaffMember(organizationId: $o, username: $u) { enabled } }",
                Map.of("o", zjt, "u", leaving));
        assertThat(disabled.getString("errors")).isNull();

        given().contentType(io.restassured.http.ContentType.URLENC)
                .formParams(Map.of("grant_type", "refresh_token", "client_id", "planning-web", "refresh_token", refresh))
                .when().post(tokens).then().statusCode(400).body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
    }

    /**
     * Moving: an administrator moves a reporter from 住建厅 to 自然资源厅; their next sign-in carries 自然资源厅 only, they
     * may no longer report for 住建厅, and the report they sent before still names them as its author.
     */
    @Test
    void movingAUserBetweenDepartmentsMovesTheirGroupAndTheirPastReportKeepsItsAuthor() throws Exception {
        String zjt = orgId("nmg.zjt");
        String zrzyt = orgId("nmg.zrzyt");
        String mover = zjtReporter("st.mover.");
        String taskId = zjtTask("系统测试：人员调动", "保障性住房建设")[1];
        String report = """
                mutation($task: ID!, $org: ID!, $period: String!) { submitProgressReport(taskId: $task, orgId: $org, period: $period,
                  percent: 30, summary: "调动前填报") { reportedBy } }""";
        Map<String, Object> variables = Map.of("task", taskId, "org", zjt, "period", ReportingPeriods.thisQuarter());
        assertThat(gateway(token(mover), report, variables).getString("data.submitProgressReport.reportedBy")).isEqualTo(mover);

        JsonPath moved = gateway(token("admin"), """
                mutation($u: String!, $f: ID!, $t: ID!) { moveStaffMember(username: $u, fromOrganizationId: $f, toOrganizationId: $t) {
                  organizationCodes roles } }""", Map.of("u", mover, "f", zjt, "t", zrzyt));
        assertThat(moved.getString("errors")).isNull();

        String after = token(mover);
        assertThat(orgCodes(claims(after))).containsExactly("nmg.zrzyt");
        assertThat(gateway(after, report, Map.of("task", taskId, "org", zjt, "period", ReportingPeriods.thisQuarter()))
                .getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(gateway(token("viewer"), "query($id: ID!) { task(id: $id) { reports { reportedBy } } }", Map.of("id", taskId))
                .getList("data.task.reports.reportedBy")).containsExactly(mover);
    }

    /** A new account in 住建厅's group, made a reporter by 住建厅's department administrator: its user name. */
    private static String zjtReporter(String prefix) throws Exception {
        String username = prefix + Long.toString(System.nanoTime(), 36);
        KeycloakAdmin keycloak = new KeycloakAdmin(platform);
        keycloak.createUserInGroup(username, keycloak.awaitChildGroup("nmg", "nmg.zjt"));
        JsonPath roles = gateway(token("zjt.orgadmin"), "mutation($o: ID!, $u: String!) { setStaffRoles(organizationId: $o, username: $u, roles: [REPORTER]) { roles } }",
                Map.of("o", orgId("nmg.zjt"), "u", username));
        assertThat(roles.getString("errors")).isNull();
        return username;
    }

    private static JsonPath claims(String token) {
        String payload = token.split("\\.")[1];
        return new JsonPath(new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<Object> orgCodes(JsonPath claims) {
        List<Object> codes = claims.getList("org_codes");
        return codes == null ? List.of() : codes;
    }

    /** The claims of a fresh sign-in of {@code user} once {@code settled} holds, signing in again every 2 s for 60 s. */
    private static JsonPath claimsOnceSettled(String user, java.util.function.Predicate<JsonPath> settled) throws InterruptedException {
        JsonPath claims = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            claims = claims(token(user));
            if (settled.test(claims)) {
                return claims;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError(user + " was not placed within 60 s; last token claims: " + claims.prettify());
    }

    @Test
    void anOverdueTaskMailsTheReporterAndShowsInTheAppAndAPlannersReminderReachesTheDepartment() throws Exception {
        String admin = token("admin");
        // The scan runs every few seconds here (LocalPlatform sets REMINDERS_CRON); "today" is the platform's real day.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String title = "系统测试：逾期催办 " + System.nanoTime();
        String planId = gateway(admin, """
                mutation($issuer: ID!, $on: Date!) { createPlan(input: { title: "系统测试：催办方案", kind: IMPLEMENTATION_PLAN,
                  issuerId: $issuer, issuedOn: $on }) { id } }""", Map.of("issuer", orgId("nmg"), "on", today.minusDays(60).toString()))
                .getString("data.createPlan.id");
        String taskId = gateway(admin, """
                mutation($plan: ID!, $lead: ID!, $title: String!, $due: Date!) { createTask(planId: $plan, input: { title: $title,
                  leadOrgIds: [$lead], deadline: $due }) { id } }""",
                Map.of("plan", planId, "lead", orgId("nmg.zjt"), "title", title, "due", today.minusDays(2).toString()))
                .getString("data.createTask.id");
        assertThat(gateway(admin, "mutation($id: ID!) { publishPlan(id: $id) { status } }", Map.of("id", planId)).getString("errors")).isNull();

        List<String> subjects = waitForMail("zjt.reporter@planning.local", title, 1);
        assertThat(subjects).anyMatch(s -> s.startsWith("【已逾期】") && s.contains("已逾期 2 天"));
        JsonPath bell = gateway(token("zjt.reporter"), "{ unreadNotificationCount notifications(unread: true, first: 100) { edges { node { title taskId } } } }",
                Map.of());
        assertThat(bell.getString("errors")).isNull();
        assertThat(bell.getInt("data.unreadNotificationCount")).isPositive();
        assertThat(bell.getList("data.notifications.edges.node.taskId")).contains(taskId);
        assertThat(gateway(token("zrzyt.reporter"), "{ notifications(first: 500) { edges { node { taskId } } } }", Map.of())
                .getList("data.notifications.edges.node.taskId")).as("another department's reporter").doesNotContain(taskId);

        JsonPath urged = gateway(token("planner"), """
                mutation($task: ID!) { remindTask(taskId: $task, message: "请本周内报送整改进展") { recipients org { name } } }""",
                Map.of("task", taskId));
        assertThat(urged.getString("errors")).isNull();
        // Every reporter of 住建厅, and only theirs: the directory user placed there by another test may be one of them.
        assertThat(urged.getList("data.remindTask[0].recipients", String.class)).contains("zjt.reporter")
                .allMatch(u -> u.equals("zjt.reporter") || u.equals("dir.zjt.zhang"));
        assertThat(waitForMail("zjt.reporter@planning.local", title, 2)).anyMatch(s -> s.startsWith("【催办】"));
        assertThat(gateway(token("zjt.reporter"), "mutation($task: ID!) { remindTask(taskId: $task, message: \"x\") { id } }",
                Map.of("task", taskId)).getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
    }

    /** Subjects of the mails GreenMail (started by ./platform up) holds for {@code address} about {@code part}. */
    private static List<String> waitForMail(String address, String part, int atLeast) throws InterruptedException {
        long until = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        List<String> subjects = List.of();
        while (System.nanoTime() < until) {
            var inbox = given().when().get(platform.url("MAIL_WEB_PORT", "/api/user/" + address + "/messages/INBOX"));
            // GreenMail answers 400 for an address that has received nothing yet.
            List<String> all = inbox.statusCode() == 200 ? inbox.jsonPath().getList("subject", String.class) : List.of();
            subjects = all.stream().filter(s -> s != null && s.contains(part)).toList();
            if (subjects.size() >= atLeast) {
                return subjects;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("no " + atLeast + " mail(s) to " + address + " about " + part + " within 3 minutes; got " + subjects);
    }

    private static String orgId(String code) {
        return gateway(token("admin"), "query($c: String!) { organization(code: $c) { id } }", Map.of("c", code))
                .getString("data.organization.id");
    }

    /** A plan of nmg (created by admin through the gateway) with one task led by 住建厅: {plan id, task id}. */
    private static String[] zjtTask(String planTitle, String taskTitle) {
        String admin = token("admin");
        String planId = gateway(admin, """
                mutation($issuer: ID!, $title: String!) { createPlan(input: { title: $title, kind: IMPLEMENTATION_PLAN, issuerId: $issuer,
                  issuedOn: "2026-01-01" }) { id } }""", Map.of("issuer", orgId("nmg"), "title", planTitle)).getString("data.createPlan.id");
        String taskId = gateway(admin, """
                mutation($plan: ID!, $lead: ID!, $title: String!) { createTask(planId: $plan, input: { title: $title, leadOrgIds: [$lead],
                  deadline: "2030-12-31" }) { id } }""", Map.of("plan", planId, "lead", orgId("nmg.zjt"), "title", taskTitle))
                .getString("data.createTask.id");
        return new String[] { planId, taskId };
    }

    /** The ```graphql block of docs/frontend.md that defines the operation {@code name}: the test runs what the guide shows. */
    private static String documentedQuery(String name) throws java.io.IOException {
        String guide = java.nio.file.Files.readString(platform.root.resolve("docs/frontend.md"));
        var blocks = java.util.regex.Pattern.compile("```graphql\\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(guide);
        while (blocks.find()) {
            if (blocks.group(1).matches("(?s)\\s*query " + name + "\\b.*")) {
                return blocks.group(1);
            }
        }
        throw new AssertionError("docs/frontend.md shows no query " + name);
    }

    @Test
    void theStaffScreensDocumentedQueriesAnswerThroughTheGateway() throws Exception {
        String zjt = orgId("nmg.zjt");
        String[] created = zjtTask("系统测试：城市更新工作台", "推进城市更新示范片区建设");
        String planId = created[0];
        String taskId = created[1];

        JsonPath inbox = gateway(token("zjt.reporter"), documentedQuery("MyTasks"), Map.of("search", "城市更新示范"));
        assertThat(inbox.getString("errors")).isNull();
        assertThat(inbox.getList("data.myTasks.edges.node.id")).containsExactly(taskId);
        assertThat(inbox.getBoolean("data.myTasks.edges[0].reportDue")).isTrue();
        assertThat(inbox.getString("data.myTasks.edges[0].node.leadOrgs[0].name")).contains("住房");

        String reportId = gateway(token("zjt.reporter"), """
                mutation($task: ID!, $org: ID!, $period: String!) { submitProgressReport(taskId: $task, orgId: $org, period: $period,
                  percent: 20, summary: "已完成摸底") { id } }""", Map.of("task", taskId, "org", zjt, "period", ReportingPeriods.thisQuarter())).getString("data.submitProgressReport.id");
        JsonPath queue = gateway(token("planner"), documentedQuery("ApprovalQueue"), Map.of());
        assertThat(queue.getString("errors")).isNull();
        assertThat(queue.getList("data.approvalQueue.edges.node.id")).contains(reportId);
        assertThat(gateway(token("viewer"), documentedQuery("ApprovalQueue"), Map.of()).getInt("data.approvalQueue.totalCount")).isZero();

        JsonPath page = gateway(token("viewer"), documentedQuery("TaskPage"), Map.of("id", taskId));
        assertThat(page.getString("errors")).isNull();
        assertThat(page.getString("data.task.healthReason.kind")).isNotBlank();
        assertThat(page.getList("data.task.history.action")).containsExactly("CREATE");
        assertThat(page.getString("data.task.createdBy")).isEqualTo("admin");

        JsonPath search = gateway(token("viewer"), documentedQuery("Search"), Map.of("q", "城市更新工作台"));
        assertThat(search.getString("errors")).isNull();
        assertThat(search.getList("data.plans.edges.node.id")).containsExactly(planId);

        JsonPath dashboard = gateway(token("viewer"), documentedQuery("Dashboard"), Map.of("planId", planId));
        assertThat(dashboard.getString("errors")).isNull();
        assertThat(dashboard.getString("data.healthCounts[0].org.id")).isEqualTo(zjt);
        assertThat(dashboard.getInt("data.healthCounts[0].total")).isEqualTo(1);
        JsonPath drillDown = gateway(token("viewer"), documentedQuery("DrillDown"), Map.of("orgId", zjt, "planId", planId));
        assertThat(drillDown.getList("data.tasks.edges.node.id")).containsExactly(taskId);

        JsonPath outline = gateway(token("viewer"), documentedQuery("PlanOutline"), Map.of("id", planId));
        assertThat(outline.getString("errors")).isNull();
        assertThat(outline.getInt("data.plan.tasks.totalCount")).isEqualTo(1);
        JsonPath indicators = gateway(token("viewer"), documentedQuery("IndicatorProgress"), Map.of("planId", planId));
        assertThat(indicators.getString("errors")).isNull();
        assertThat(indicators.getInt("data.indicators.totalCount")).isZero();

        var ledger = given().auth().oauth2(token("viewer")).when()
                .get(platform.url("GATEWAY_PORT", "/ledger/plans/" + planId + ".xlsx")).then().statusCode(200).extract();
        assertThat(ledger.header("Content-Disposition")).contains("filename*=UTF-8''");
        assertThat(java.net.URLDecoder.decode(ledger.header("Content-Disposition").replaceFirst(".*filename\\*=UTF-8''", ""),
                java.nio.charset.StandardCharsets.UTF_8)).startsWith("系统测试：城市更新工作台-台账-");
        assertThat(ledger.asByteArray()).startsWith((byte) 'P', (byte) 'K');
    }
}
