package gov.planning.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser (the system's chromium, driven by playwright-core) against the platform as
 * {@code ./platform up} starts it: users sign in on Keycloak's own login page; a report is submitted, returned,
 * resubmitted and approved; a viewer sees no edit buttons and a forged write is refused. The browser steps are in
 * {@code console/src/main/webui/e2e/*.e2e.mjs}; screenshots of every screen go to
 * {@code system-tests/target/console-screenshots}.
 */
class ConsoleIT {

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

    @Test
    void reportSubmittedReturnedResubmittedAndApprovedInTheBrowserWhileAViewerCanChangeNothing() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assertThat(Path.of(chromium)).as("the browser test drives the system chromium: apt-get install chromium fonts-noto-cjk "
                + "(or set CHROMIUM)").isExecutable();
        Path webui = platform.root.resolve("console/src/main/webui");
        assertThat(webui.resolve("node_modules/playwright-core")).as("the console's packages (built by the console module)")
                .isDirectory();

        String admin = platform.token("admin");
        String nmg = gateway(admin, "{ organization(code: \"nmg\") { id } }", Map.of()).get("organization");
        String zjt = gateway(admin, "{ organization(code: \"nmg.zjt\") { id } }", Map.of()).get("organization");
        String zrzyt = gateway(admin, "{ organization(code: \"nmg.zrzyt\") { id } }", Map.of()).get("organization");
        String planId = gateway(admin, """
                mutation($issuer: ID!, $issued: Date!) { createPlan(input: { title: "浏览器测试：城镇老旧小区改造实施方案", kind: IMPLEMENTATION_PLAN,
                  issuerId: $issuer, issuedOn: $issued }) { id } }""",
                Map.of("issuer", nmg, "issued", LocalDate.now().minusYears(1).toString())).get("createPlan");
        String section = gateway(admin, """
                mutation($plan: ID!) { createSection(planId: $plan, input: { number: "一、", heading: "重点任务" }) { id } }""",
                Map.of("plan", planId)).get("createSection");
        String title = "推进城镇老旧小区改造（浏览器测试）";
        String taskId = gateway(admin, """
                mutation($plan: ID!, $lead: ID!, $coop: ID!, $section: ID!, $title: String!) { createTask(planId: $plan, input: {
                  number: "1", title: $title, sectionId: $section, leadOrgIds: [$lead], cooperatingOrgIds: [$coop], deadline: "2030-12-31",
                  description: "2026年起每年改造老旧小区不少于 100 个，完善配套设施。",
                  milestones: [{ dueDate: "2026-12-31", description: "完成首批 100 个小区改造" }] }) { id } }""",
                Map.of("plan", planId, "lead", zjt, "coop", zrzyt, "section", section, "title", title)).get("createTask");

        // Another department's overdue and nearly due tasks, so that the dashboard shows red and yellow too.
        String other = """
                mutation($plan: ID!, $lead: ID!, $number: String!, $title: String!, $deadline: Date!) { createTask(planId: $plan,
                  input: { number: $number, title: $title, leadOrgIds: [$lead], deadline: $deadline }) { id } }""";
        gateway(admin, other, Map.of("plan", planId, "lead", zrzyt, "number", "2", "title", "完成城镇开发边界划定",
                "deadline", LocalDate.now().minusDays(30).toString()));
        gateway(admin, other, Map.of("plan", planId, "lead", zrzyt, "number", "3", "title", "开展存量建设用地盘活",
                "deadline", LocalDate.now().plusDays(10).toString()));

        Path shots = platform.root.resolve("system-tests/target/console-screenshots");
        // Every browser test file (e2e/*.e2e.mjs), one after the other, each in its own browser.
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec", "--test-concurrency=1"));
        try (var files = Files.list(webui.resolve("e2e"))) {
            files.map(p -> "e2e/" + p.getFileName()).filter(name -> name.endsWith(".e2e.mjs")).sorted().forEach(command::add);
        }
        ProcessBuilder node = new ProcessBuilder(command).directory(webui.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        node.environment().putAll(Map.of(
                "CONSOLE_URL", platform.url("CONSOLE_PORT", ""),
                "GATEWAY_URL", platform.url("GATEWAY_PORT", "/graphql"),
                "KEYCLOAK_URL", platform.url("KEYCLOAK_PORT", ""),
                "TASK_ID", taskId, "TASK_TITLE", title, "PLAN_ID", planId,
                "SCREENSHOT_DIR", shots.toString(), "CHROMIUM", chromium));
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("browser test finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        try (var files = Files.list(shots)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).contains("02-my-tasks.png", "05-dashboard.png",
                    "08-task-approved.png", "11-task-viewer.png");
        }
    }

    @Test
    void theCommittedSchemaIsTheOneTheGatewayServesAndTheGuidesQueriesTypeAgainstItsIntrospection() throws Exception {
        Path webui = platform.root.resolve("console/src/main/webui");
        String token = platform.token("viewer");
        String served = given().auth().oauth2(token).when().get(platform.url("GATEWAY_PORT", "/graphql/schema.graphql"))
                .then().statusCode(200).extract().asString();
        // Kept for whoever changed the API: the file to copy over the console's (no platform to start by hand).
        Path saved = platform.root.resolve("system-tests/target/served-schema.graphql");
        Files.writeString(saved, served);
        assertThat(Files.readString(webui.resolve("schema.graphql")).strip())
                .as("console/src/main/webui/schema.graphql is the gateway's SDL: after an API change, save GET /graphql/schema.graphql there"
                        + " (this run's is in " + saved + ")")
                .isEqualTo(served.strip());

        ProcessBuilder codegen = new ProcessBuilder("npm", "run", "docs:codegen").directory(webui.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        codegen.environment().putAll(Map.of("GATEWAY_URL", platform.url("GATEWAY_PORT", "/graphql"), "GATEWAY_TOKEN", token));
        Process process = codegen.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("codegen finished").isTrue();
        assertThat(process.exitValue()).as("docs/frontend.md's queries against the gateway's introspection:\n" + output).isZero();
    }

    /** Posts an operation as {@code token}; answers the id of each root field, failing on any error. */
    private static Map<String, String> gateway(String token, String query, Map<String, Object> variables) {
        var answer = platform.graphql("GATEWAY_PORT", token, query, variables);
        assertThat(answer.getList("errors")).as(answer.prettify()).isNullOrEmpty();
        Map<String, Map<String, Object>> data = answer.getMap("data");
        return data.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (String) e.getValue().get("id")));
    }
}
