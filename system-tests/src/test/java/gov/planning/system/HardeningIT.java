package gov.planning.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Issue #13 on the platform as {@code ./platform up} starts it, with real Keycloak tokens: a corpus of bad requests,
 * generated from a table (each mutation's arguments × each kind of bad value for their type, plus requests that are
 * not GraphQL at all), sent through the gateway and to each subgraph's own {@code /graphql}; every answer must carry
 * an {@code extensions.code} that docs/frontend.md documents, no HTTP 5xx, no internals (stack traces, SQL, Java
 * names), and nothing may be written (what the API reads back is compared after each operation's cases). Then
 * 20-way races through the gateway on every uniqueness rule: exactly one
 * request wins, the others are CONFLICT, and one record is stored.
 */
class HardeningIT {

    private static final String GATEWAY = "GATEWAY_PORT";
    private static final Map<String, String> SUBGRAPH_PORTS = Map.of("org", "ORG_SERVICE_PORT", "plan", "PLAN_SERVICE_PORT",
            "indicator", "INDICATOR_SERVICE_PORT");
    private static final String BAD = "BAD_USER_INPUT";
    /** What only leaks from inside a service into a message: stack frames, Java names, graphql-java's AST, the database. */
    private static final List<String> INTERNALS = List.of("\tat ", "Exception", "gov.planning", "java.", "jakarta.", "org.hibernate",
            "io.vertx", "io.smallrye", "graphql.", "StringValue{", "IntValue{", "ObjectValue{", "SQLState", "SQL ", "duplicate key",
            "constraint \"", "violates", "System error");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private static LocalPlatform platform;
    private static Set<String> documentedCodes;
    private static final Map<String, String[]> tokens = new LinkedHashMap<>();

    // the records the corpus aims at (and must leave as they are)
    private static String nmg;
    private static String zjt;
    private static String planId;
    private static String taskId;
    private static String indicatorId;
    private static String orgId;
    /** Unique per run: the platform's state folder outlives a run. */
    private static final String ORG_CODE = "nmg.hardening" + Long.toString(System.nanoTime(), 36);

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new LocalPlatform();
        documentedCodes = documentedCodes();
        platform.up();
        nmg = orgId("nmg");
        zjt = orgId("nmg.zjt");
        planId = ok(gateway(token("admin"), "mutation($i: PlanInput!) { createPlan(input: $i) { id } }", Map.of("i",
                Map.of("title", "加固测试规划", "kind", "IMPLEMENTATION_PLAN", "issuerId", nmg, "issuedOn", "2026-01-01"))))
                .getString("data.createPlan.id");
        taskId = newTask("加固测试任务");
        indicatorId = ok(gateway(token("admin"), "mutation($p: ID!, $i: IndicatorInput!) { createIndicator(planId: $p, input: $i) { id } }",
                Map.of("p", planId, "i", indicator("加固测试指标")))).getString("data.createIndicator.id");
        orgId = ok(gateway(token("admin"), "mutation($i: OrganizationInput!) { createOrganization(input: $i) { id } }", Map.of("i",
                Map.of("code", ORG_CODE, "name", "加固测试机构", "kind", "AGENCY", "parentCode", "nmg", "validFrom", "2026-01-01"))))
                .getString("data.createOrganization.id");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.down();
        }
    }

    // ------------------------------------------------------------------------------------------------ the corpus

    /** The type of an argument or input field, which decides the bad values it is tried with. */
    enum Kind { TEXT, PARAGRAPH, ID, INT, FLOAT, DATE, ENUM, BOOLEAN, ID_LIST, TEXT_LIST }

    /**
     * One argument or input field ({@code input.title}, {@code input.milestones[0].dueDate}, {@code percent}) of an
     * operation. {@code required}: null and blank text are bad too. {@code unknownIdCode}: the code a well-formed id
     * of no record gets (null: not tried). {@code outOfRange}: values of the right type that break the field's rule.
     */
    record Slot(String path, Kind kind, boolean required, String unknownIdCode, List<Object> outOfRange) {
    }

    /** An operation of {@code service} with variables that are valid as they are: each case spoils exactly one slot. */
    record Operation(String service, String name, String query, Supplier<Map<String, Object>> valid, List<Slot> slots) {
    }

    /** A JSON value written as is (numbers JSON can hold but Java cannot, such as 1e400). */
    record Raw(String json) {
    }

    /** A request of the corpus: what is sent and which codes may answer it. */
    record Case(String name, String contentType, byte[] body, Set<String> codes) {
    }

    private static Slot slot(String path, Kind kind) {
        return new Slot(path, kind, false, null, List.of());
    }

    private static Slot required(String path, Kind kind) {
        return new Slot(path, kind, true, null, List.of());
    }

    private static Slot id(String path, boolean required, String unknownIdCode) {
        return new Slot(path, Kind.ID, required, unknownIdCode, List.of());
    }

    private static Slot ranged(String path, Kind kind, boolean required, Object... outOfRange) {
        return new Slot(path, kind, required, null, List.of(outOfRange));
    }

    private static Map<String, Object> indicator(String name) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("unit", "%");
        input.put("comparator", "AT_LEAST");
        input.put("baselineValue", 60.0);
        input.put("baselineYear", 2020);
        input.put("targetValue", 70.0);
        input.put("targetYear", 2030);
        input.put("responsibleOrgIds", List.of(zjt));
        return input;
    }

    private static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Every mutation a client can send, and the reads that take typed arguments, with the rules of their arguments. */
    private static List<Operation> operations() {
        String unknown = UUID.randomUUID().toString();
        return List.of(
                new Operation("org", "createOrganization", "mutation($input: OrganizationInput!) { createOrganization(input: $input) { id } }",
                        () -> vars("input", vars("code", "nmg.hardening.bad", "name", "坏输入测试机构", "shortName", "坏输入", "kind", "AGENCY",
                                "level", "PROVINCE", "parentCode", "nmg", "validFrom", "2026-01-01", "aliases", List.of("坏输入机构"), "region", "内蒙古")),
                        List.of(ranged("input.code", Kind.TEXT, true, "NMG.Upper", "nmg..double", "含中文"), required("input.name", Kind.TEXT),
                                slot("input.shortName", Kind.TEXT), required("input.kind", Kind.ENUM), slot("input.level", Kind.ENUM),
                                ranged("input.parentCode", Kind.TEXT, false, "nmg.no-such-parent"), slot("input.validFrom", Kind.DATE),
                                slot("input.aliases", Kind.TEXT_LIST), slot("input.region", Kind.TEXT))),
                new Operation("org", "updateOrganization",
                        "mutation($id: ID!, $v: Int!, $input: OrganizationUpdateInput!) { updateOrganization(id: $id, version: $v, input: $input) { id } }",
                        () -> vars("id", orgId, "v", 0, "input", vars("name", "加固测试机构（改名）", "validTo", "2030-12-31", "aliases", List.of("加固机构"))),
                        List.of(id("id", true, "NOT_FOUND"), ranged("v", Kind.INT, true), slot("input.name", Kind.TEXT),
                                ranged("input.validTo", Kind.DATE, false, "2025-12-31"), slot("input.aliases", Kind.TEXT_LIST))),
                new Operation("org", "deactivateOrganization", "mutation($id: ID!, $d: Date!) { deactivateOrganization(id: $id, validTo: $d) { id } }",
                        () -> vars("id", orgId, "d", "2030-12-31"),
                        List.of(id("id", true, "NOT_FOUND"), ranged("d", Kind.DATE, true, "2025-12-31"))),
                new Operation("org", "recordSuccession",
                        "mutation($p: String!, $s: String!, $d: Date!) { recordSuccession(predecessorCode: $p, successorCode: $s, date: $d) { id } }",
                        () -> vars("p", ORG_CODE, "s", "nmg.zjt", "d", "2030-01-01"),
                        List.of(ranged("p", Kind.TEXT, true, "nmg.no-such-body", "nmg.zjt"), required("d", Kind.DATE))),
                new Operation("plan", "createPlan", "mutation($input: PlanInput!) { createPlan(input: $input) { id } }",
                        () -> vars("input", vars("title", "坏输入测试规划", "kind", "PLAN", "docNumber", "内政发〔2026〕999号", "issuerId", nmg,
                                "issuedOn", "2026-01-01", "periodStart", 2026, "periodEnd", 2030)),
                        List.of(required("input.title", Kind.TEXT), required("input.kind", Kind.ENUM), slot("input.docNumber", Kind.TEXT),
                                id("input.issuerId", true, BAD), slot("input.issuedOn", Kind.DATE),
                                ranged("input.periodStart", Kind.INT, false, 1800, 2101, 2031), ranged("input.periodEnd", Kind.INT, false, -5, 2025))),
                new Operation("plan", "createTask", "mutation($plan: ID!, $input: TaskInput!) { createTask(planId: $plan, input: $input) { id } }",
                        () -> vars("plan", planId, "input", vars("title", "坏输入测试任务", "description", "第一段\n第二段", "number", "（一）",
                                "leadOrgIds", List.of(zjt), "deadline", "2030-12-31", "ongoing", false,
                                "milestones", List.of(vars("dueDate", "2027-06-30", "description", "出台细则")))),
                        List.of(id("plan", true, "NOT_FOUND"), required("input.title", Kind.TEXT), slot("input.description", Kind.PARAGRAPH),
                                slot("input.number", Kind.TEXT), ranged("input.deadline", Kind.DATE, false, "2025-12-31"),
                                new Slot("input.leadOrgIds", Kind.ID_LIST, true, null, List.of(List.of(), List.of(unknown))),
                                slot("input.ongoing", Kind.BOOLEAN), slot("input.milestones[0].dueDate", Kind.DATE),
                                required("input.milestones[0].description", Kind.PARAGRAPH))),
                new Operation("plan", "updateTask", "mutation($id: ID!, $v: Int!, $d: Date, $s: TaskStatus) { updateTask(id: $id, version: $v, deadline: $d, status: $s) { id } }",
                        () -> vars("id", taskId, "v", 0, "d", "2031-06-30", "s", "IN_PROGRESS"),
                        List.of(id("id", true, "NOT_FOUND"), ranged("v", Kind.INT, true), ranged("d", Kind.DATE, false, "2025-06-30"),
                                slot("s", Kind.ENUM))),
                new Operation("plan", "submitProgressReport", """
                        mutation($task: ID!, $org: ID!, $period: String!, $percent: Int, $summary: String!, $problems: String) {
                          submitProgressReport(taskId: $task, orgId: $org, period: $period, percent: $percent, summary: $summary, problems: $problems) { id }
                        }""",
                        () -> vars("task", taskId, "org", zjt, "period", ReportingPeriods.thisQuarter(), "percent", 20, "summary", "已完成摸底\n正在推进", "problems", "资金不足"),
                        List.of(id("task", true, "NOT_FOUND"), id("org", true, BAD), required("period", Kind.TEXT),
                                ranged("percent", Kind.INT, false, -1, 101), required("summary", Kind.PARAGRAPH), slot("problems", Kind.PARAGRAPH))),
                new Operation("plan", "reviewProgressReport", "mutation($id: ID!, $a: Boolean!, $c: String) { reviewProgressReport(id: $id, approve: $a, comment: $c) { id } }",
                        () -> vars("id", unknown, "a", false, "c", "请补充材料"),
                        List.of(id("id", true, null), required("a", Kind.BOOLEAN), slot("c", Kind.PARAGRAPH))),
                new Operation("plan", "createSection", "mutation($plan: ID!, $input: SectionInput!) { createSection(planId: $plan, input: $input) { id } }",
                        () -> vars("plan", planId, "input", vars("heading", "第一章 总体要求", "number", "第一章")),
                        List.of(id("plan", true, "NOT_FOUND"), required("input.heading", Kind.TEXT), slot("input.number", Kind.TEXT),
                                id("input.parentId", false, BAD))),
                new Operation("plan", "publishPlan", "mutation($id: ID!) { publishPlan(id: $id) { id } }",
                        () -> vars("id", unknown), List.of(id("id", true, null))),
                new Operation("indicator", "createIndicator", "mutation($plan: ID!, $input: IndicatorInput!) { createIndicator(planId: $plan, input: $input) { id } }",
                        () -> vars("plan", planId, "input", indicator("坏输入测试指标")),
                        List.of(id("plan", true, BAD), required("input.name", Kind.TEXT), ranged("input.unit", Kind.TEXT, false, "弗隆"),
                                required("input.comparator", Kind.ENUM), ranged("input.targetValue", Kind.FLOAT, true, 150.0, -5.0),
                                ranged("input.baselineValue", Kind.FLOAT, false, 100.5), ranged("input.baselineYear", Kind.INT, false, 1800, 2031),
                                new Slot("input.responsibleOrgIds", Kind.ID_LIST, false, null, List.of(List.of(unknown))))),
                new Operation("indicator", "recordObservation", """
                        mutation($id: ID!, $region: ID, $period: String!, $value: Float!, $source: String) {
                          recordObservation(indicatorId: $id, regionId: $region, period: $period, value: $value, source: $source) { id }
                        }""",
                        () -> vars("id", indicatorId, "region", zjt, "period", "2025", "value", 62.5, "source", "统计公报"),
                        List.of(id("id", true, "NOT_FOUND"), ranged("period", Kind.TEXT, true, "2025年", "1800", "2030-2025"),
                                ranged("value", Kind.FLOAT, true, 100.1, -0.5), slot("source", Kind.PARAGRAPH))),
                new Operation("indicator", "setRegionalTargets", """
                        mutation($id: ID!, $period: String!, $rows: [RegionalTargetInput!]!, $unit: String) {
                          setRegionalTargets(indicatorId: $id, period: $period, rows: $rows, unit: $unit) { value }
                        }""",
                        () -> vars("id", indicatorId, "period", "2021-2025", "rows", List.of(vars("regionId", zjt, "value", 65.0)), "unit", "%"),
                        List.of(id("id", true, "NOT_FOUND"), ranged("period", Kind.TEXT, true, "2025—2021"),
                                id("rows[0].regionId", true, null), ranged("rows[0].value", Kind.FLOAT, true, 120.0, -1.0),
                                ranged("unit", Kind.TEXT, false, "万亩"))),
                new Operation("indicator", "deleteIndicator", "mutation($id: ID!) { deleteIndicator(id: $id) }",
                        () -> vars("id", unknown), List.of(id("id", true, null))),
                // reads with typed arguments (an unknown id is simply null there, not an error)
                new Operation("plan", "plans", "query($from: Int, $to: Int, $search: String, $first: Int) { plans(periodFrom: $from, periodTo: $to, search: $search, first: $first) { totalCount } }",
                        () -> vars("from", 2026, "to", 2030, "search", "规划", "first", 10),
                        List.of(ranged("from", Kind.INT, false, 2031, 1800), ranged("to", Kind.INT, false, 99999),
                                slot("search", Kind.TEXT), ranged("first", Kind.INT, false, -1, 501))),
                new Operation("plan", "tasks", "query($org: ID, $before: Date, $status: [TaskStatus!]) { tasks(orgId: $org, dueBefore: $before, status: $status) { totalCount } }",
                        () -> vars("org", zjt, "before", "2031-01-01", "status", List.of("NOT_STARTED")),
                        List.of(id("org", false, null), slot("before", Kind.DATE))),
                new Operation("plan", "task", "query($id: ID!) { task(id: $id) { id } }", () -> vars("id", taskId), List.of(id("id", true, null))),
                new Operation("indicator", "indicator", "query($id: ID!) { indicator(id: $id) { id } }", () -> vars("id", indicatorId),
                        List.of(id("id", true, null))),
                new Operation("org", "organizations", "query($under: ID, $search: String, $first: Int) { organizations(under: $under, search: $search, first: $first) { totalCount } }",
                        () -> vars("under", nmg, "search", "厅", "first", 10),
                        List.of(id("under", false, null), slot("search", Kind.TEXT), ranged("first", Kind.INT, false, 100000))));
    }

    /** The bad values of a kind, by name; the "unknown id" and range values come from the slot. */
    private static Map<String, Object> badValues(Kind kind) {
        Map<String, Object> bad = new LinkedHashMap<>();
        switch (kind) {
            case TEXT, PARAGRAPH -> {
                bad.put("a number", 42);
                bad.put("an object", vars("text", "x"));
                bad.put("a list of numbers", List.of(1, 2));
                bad.put("NUL", "文本\u0000");
                bad.put("BEL", "文本\u0007");
                bad.put("ESC", "\u001b[31m文本");
                bad.put("DEL", "文本\u007f");
                bad.put("C1 control (NEL)", "文本\u0085");
                bad.put("lone high surrogate", "文本\ud800");
                bad.put("lone low surrogate", "\udc00文本");
                bad.put("20000 characters", "长".repeat(20000));
                if (kind == Kind.TEXT) {
                    bad.put("line break", "第一行\n第二行");
                    bad.put("tab", "列\t列");
                }
            }
            case ID -> {
                bad.put("not a UUID", "x");
                bad.put("an organization code", "nmg.zjt");
                bad.put("a UUID with a suffix", UUID.randomUUID() + "0");
                bad.put("a UUID in braces", "{" + UUID.randomUUID() + "}");
                bad.put("empty", "");
                bad.put("a number", 12);
                bad.put("an object", vars("id", UUID.randomUUID().toString()));
                bad.put("NUL in it", UUID.randomUUID().toString().substring(0, 35) + "\u0000");
            }
            case INT -> {
                bad.put("2^31", 2147483648L);
                bad.put("-2^31-1", -2147483649L);
                bad.put("1.5", 1.5);
                bad.put("1e308", new Raw("1e308"));
                bad.put("1e400", new Raw("1e400"));
                bad.put("a numeric string", "12");
                bad.put("a boolean", true);
            }
            case FLOAT -> {
                bad.put("1e308", 1e308);
                bad.put("-1e16", -1e16);
                bad.put("1e400", new Raw("1e400"));
                bad.put("a numeric string", "1.5");
                bad.put("a boolean", true);
                bad.put("an object", vars("value", 1));
            }
            case DATE -> {
                for (String date : List.of("2025-02-30", "2025-13-01", "2023-02-29", "12025-01-01", "+99999-01-01", "1899-12-31", "2201-01-01",
                        "2025/01/01", "2025-1-1", "", "2025-01-01T00:00:00Z")) {
                    bad.put("'" + date + "'", date);
                }
                bad.put("a number", 20250101);
            }
            case ENUM -> {
                bad.put("an unknown value", "GONE");
                bad.put("lower case", "plan");
                bad.put("a number", 3);
            }
            case BOOLEAN -> {
                bad.put("a string", "yes");
                bad.put("a number", 1);
            }
            case ID_LIST -> {
                List<String> thousand = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    thousand.add(UUID.randomUUID().toString());
                }
                bad.put("1000 ids", thousand);
                bad.put("a null item", java.util.Arrays.asList(zjt, null));
                bad.put("a malformed item", List.of(zjt, "x"));
                bad.put("an organization code", "nmg.zjt");
            }
            case TEXT_LIST -> {
                List<String> thousand = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    thousand.add("别名" + i);
                }
                bad.put("1000 items", thousand);
                bad.put("a NUL item", List.of("别名\u0000"));
                bad.put("an item of 20000 characters", List.of("长".repeat(20000)));
                bad.put("an object item", List.of(vars("a", 1)));
            }
        }
        return bad;
    }

    /**
     * The operation's requests whose only fault is one bad value. Every bad value of a kind is tried once per
     * operation, on its slots of that kind in turn (so each slot gets some and the operation gets all); every
     * required slot is also tried null (and blank text), every slot with its out-of-range values and unknown ids.
     */
    private static List<Case> valueCases(Operation op) {
        List<Case> cases = new ArrayList<>();
        Map<Kind, List<Slot>> byKind = new LinkedHashMap<>();
        op.slots().forEach(slot -> byKind.computeIfAbsent(slot.kind(), k -> new ArrayList<>()).add(slot));
        byKind.forEach((kind, slots) -> {
            int turn = 0;
            for (var value : badValues(kind).entrySet()) {
                Slot slot = slots.get(turn++ % slots.size());
                cases.add(valueCase(op, slot, value.getKey(), value.getValue(), BAD));
            }
        });
        for (Slot slot : op.slots()) {
            if (slot.required()) {
                cases.add(valueCase(op, slot, "null", null, BAD));
                if (slot.kind() == Kind.TEXT || slot.kind() == Kind.PARAGRAPH) {
                    cases.add(valueCase(op, slot, "spaces only", " \u3000 ", BAD));
                    cases.add(valueCase(op, slot, "empty", "", BAD));
                }
            }
            for (int i = 0; i < slot.outOfRange().size(); i++) {
                Object value = slot.outOfRange().get(i);
                cases.add(valueCase(op, slot, "out of range " + json(value).replaceAll("(.{40}).+", "$1…"), value, BAD));
            }
            if (slot.unknownIdCode() != null) {
                cases.add(valueCase(op, slot, "an unknown id", UUID.randomUUID().toString(), slot.unknownIdCode()));
            }
        }
        return cases;
    }

    private static Case valueCase(Operation op, Slot slot, String what, Object value, String code) {
        return graphqlCase(op.name() + " " + slot.path() + ": " + what, op.query(), with(op.valid().get(), slot.path(), value), Set.of(code));
    }

    /** What a request case may name at one endpoint: a list with {@code first}, its enum filter, a lookup by id, an input. */
    record Target(String port, String list, String enumFilter, String byId, String mutation) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target(GATEWAY, "plans", "status", "plan", "createPlan(input: $i) { id }: PlanInput"),
            new Target("ORG_SERVICE_PORT", "organizations", "kind", "organization", "createOrganization(input: $i) { id }: OrganizationInput"),
            new Target("PLAN_SERVICE_PORT", "plans", "status", "plan", "createPlan(input: $i) { id }: PlanInput"),
            new Target("INDICATOR_SERVICE_PORT", "indicators", "nature", "indicator", "createIndicator(planId: \"" + UUID.randomUUID()
                    + "\", input: $i) { id }: IndicatorInput"));

    /** Requests that are not a (well-formed, acceptable) GraphQL request, for {@code target} (the gateway or a subgraph). */
    private static List<Case> requestCases(Target target) {
        boolean gateway = target.port().equals(GATEWAY);
        String json = "application/json";
        String plans = "{ " + target.list() + "(first: 1) { totalCount } }";
        String[] mutation = target.mutation().split(": (?=[A-Za-z]+Input$)");
        List<Case> cases = new ArrayList<>(List.of(
                raw("body not JSON", json, "query { __typename }", "BAD_REQUEST"),
                raw("body cut off", json, "{\"query\":", "BAD_REQUEST"),
                raw("JSON with a trailing comma", json, "{\"query\":\"{ __typename }\",}", "BAD_REQUEST"),
                raw("body a JSON list", json, "[{\"query\":\"{ __typename }\"}]", "BAD_REQUEST"),
                raw("body a JSON string", json, "\"{ __typename }\"", "BAD_REQUEST"),
                raw("body null", json, "null", "BAD_REQUEST"),
                raw("empty body", json, "", "BAD_REQUEST"),
                new Case("invalid UTF-8", json, new byte[] { '{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' },
                        // a subgraph reads the body leniently: the broken bytes become U+FFFD, which does not parse
                        gateway ? Set.of("BAD_REQUEST") : Set.of("BAD_REQUEST", "GRAPHQL_PARSE_FAILED")),
                raw("query a number", json, "{\"query\":42}", "BAD_REQUEST"),
                raw("query an object", json, "{\"query\":{\"text\":\"{ __typename }\"}}", "BAD_REQUEST"),
                raw("variables a list", json, "{\"query\":\"{ __typename }\",\"variables\":[1]}", "BAD_REQUEST"),
                raw("variables a string", json, "{\"query\":\"{ __typename }\",\"variables\":\"{}\"}", "BAD_REQUEST"),
                raw("variables a number", json, "{\"query\":\"{ __typename }\",\"variables\":1}", "BAD_REQUEST"),
                raw("variables true", json, "{\"query\":\"{ __typename }\",\"variables\":true}", "BAD_REQUEST"),
                graphqlCase("syntax error", "{ " + target.list() + " { totalCount ", Map.of(), Set.of("GRAPHQL_PARSE_FAILED")),
                graphqlCase("syntax error in a mutation", "mutation { " + mutation[0].split("\\(")[0] + "(", Map.of(), Set.of("GRAPHQL_PARSE_FAILED")),
                graphqlCase("a NUL character in the query", "{ " + target.list() + "\u0000 { totalCount } }", Map.of(), Set.of("GRAPHQL_PARSE_FAILED")),
                graphqlCase("selections nested 600 deep", ("{ " + target.list() + " ").repeat(600) + "}".repeat(600), Map.of(), Set.of("GRAPHQL_PARSE_FAILED")),
                graphqlCase("an unknown field", "{ noSuchField }", Map.of(), Set.of("GRAPHQL_VALIDATION_FAILED")),
                graphqlCase("a string literal for an Int", "{ " + target.list() + "(first: \"ten\") { totalCount } }", Map.of(), Set.of("GRAPHQL_VALIDATION_FAILED")),
                graphqlCase("an unknown enum literal", "{ " + target.list() + "(" + target.enumFilter() + ": GONE) { totalCount } }", Map.of(), Set.of("GRAPHQL_VALIDATION_FAILED")),
                graphqlCase("an undefined variable", "{ " + target.list() + "(first: $n) { totalCount } }", Map.of(), Set.of("GRAPHQL_VALIDATION_FAILED")),
                graphqlCase("a required variable missing", "query($id: ID!) { " + target.byId() + "(id: $id) { id } }", Map.of(), Set.of(BAD)),
                graphqlCase("a variable of an unknown type", "query($n: Nope) { " + target.list() + "(first: 1) { totalCount } }", Map.of(),
                        Set.of("GRAPHQL_VALIDATION_FAILED")),
                graphqlCase("an unknown input field", "mutation($i: " + mutation[1] + "!) { " + mutation[0] + " }",
                        vars("i", vars("nope", 1)), Set.of(BAD)),
                raw("a number of 5000 digits", json, "{\"query\":\"query($n: Int) { " + target.list() + "(first: $n) { totalCount } }\",\"variables\":{\"n\":"
                        + "9".repeat(5000) + "}}", "BAD_REQUEST"),
                raw("form-encoded body", "application/x-www-form-urlencoded", "query=" + plans, "BAD_REQUEST"),
                raw("text/plain body", "text/plain", "{\"query\":\"" + plans + "\"}", "BAD_REQUEST"),
                raw("XML body", "application/xml", "<query>" + plans + "</query>", "BAD_REQUEST"),
                raw("multipart body", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n"
                        + plans + "\r\n--x--\r\n", "BAD_REQUEST")));
        StringBuilder tokens = new StringBuilder("{ ");
        for (int i = 0; i < 16000; i++) {
            tokens.append("a ");
        }
        cases.add(graphqlCase("a document of 16000 tokens", tokens.append('}').toString(), Map.of(),
                Set.of(gateway ? "QUERY_TOO_LARGE" : "GRAPHQL_PARSE_FAILED")));
        cases.add(graphqlCase("a document of 200000 characters", plans + " ".repeat(200000) + "#", Map.of(),
                Set.of("QUERY_TOO_LARGE")));
        if (gateway) {
            // the subgraphs are not exposed to clients; these limits are the gateway's (docs/frontend.md)
            String deep = "{ plans(first: 1) { edges { node { " + "tasks(first: 1) { edges { node { plan { ".repeat(4) + "id";
            deep += " }".repeat((int) deep.chars().filter(ch -> ch == '{').count());
            cases.add(graphqlCase("a query 20 levels deep", deep, Map.of(), Set.of("QUERY_TOO_DEEP")));
            StringBuilder aliases = new StringBuilder("{ ");
            for (int i = 0; i < 40; i++) {
                aliases.append("a").append(i).append(": __typename ");
            }
            cases.add(graphqlCase("40 aliases", aliases.append('}').toString(), Map.of(), Set.of("TOO_MANY_ALIASES")));
            StringBuilder bomb = new StringBuilder("query { plans(first: 1) { edges { node { ...F11 } } } } fragment F0 on Plan { id title }");
            for (int i = 1; i < 12; i++) {
                bomb.append(" fragment F").append(i).append(" on Plan { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
            }
            cases.add(graphqlCase("a fragment bomb (2^11 spreads)", bomb.toString(), Map.of(), Set.of("QUERY_TOO_COMPLEX")));
        } else {
            // a subgraph's own budget is larger (the gateway's planned queries add keys), so its bomb is bigger
            cases.add(graphqlCase("a fragment bomb (2^40 spreads)", fragmentBomb(40), Map.of(), Set.of("QUERY_TOO_COMPLEX")));
        }
        // SmallRye's Int scalar would wrap these to a negative number (and the reverse) at a subgraph's own /graphql
        cases.add(graphqlCase("an Int literal beyond 32 bits", "{ " + target.list() + "(first: 2147483648) { totalCount } }", Map.of(),
                Set.of("GRAPHQL_VALIDATION_FAILED")));
        cases.add(graphqlCase("an Int literal below -2^31", "{ " + target.list() + "(first: -2147483649) { totalCount } }", Map.of(),
                Set.of("GRAPHQL_VALIDATION_FAILED")));
        cases.add(graphqlCase("an Int literal of 20 digits in a fragment", "{ ...L } fragment L on Query { " + target.list()
                + "(first: 99999999999999999999) { totalCount } }", Map.of(), Set.of("GRAPHQL_VALIDATION_FAILED")));
        cases.add(graphqlCase("an Int variable beyond 32 bits", "query($n: Int) { " + target.list() + "(first: $n) { totalCount } }",
                vars("n", 2147483648L), Set.of(BAD)));
        return cases;
    }

    /** A few hundred characters that are 2^levels fields once expanded: each fragment spreads the one below it twice. */
    private static String fragmentBomb(int levels) {
        StringBuilder bomb = new StringBuilder("{ ...F" + levels + " } fragment F0 on Query { __typename }");
        for (int i = 1; i <= levels; i++) {
            bomb.append(" fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }
        return bomb.toString();
    }

    private static Case graphqlCase(String name, String query, Map<String, Object> variables, Set<String> codes) {
        return new Case(name, "application/json", json(vars("query", query, "variables", variables)).getBytes(StandardCharsets.UTF_8), codes);
    }

    private static Case raw(String name, String contentType, String body, String code) {
        return new Case(name, contentType, body.getBytes(StandardCharsets.UTF_8), Set.of(code));
    }

    @Test
    void everyBadRequestGetsADocumentedCodeWithoutInternalsAndWritesNothingThroughTheGatewayAndAtEachSubgraph() {
        List<String> failures = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        int sent = 0;
        String before = fingerprint();
        for (Operation op : operations()) {
            for (Case c : valueCases(op)) {
                for (String port : List.of(GATEWAY, SUBGRAPH_PORTS.get(op.service()))) {
                    check(c, port, port.equals(GATEWAY) ? "gateway" : op.service() + "-service", failures);
                    sent++;
                    distinct.add(c.name());
                }
            }
            // once per operation: reading everything back after each of hundreds of requests would take longer than they do
            String after = fingerprint();
            if (!after.equals(before)) {
                failures.add(op.name() + ": one of its bad requests wrote something; the data now reads " + after);
                before = after;
            }
        }
        for (Target target : TARGETS) {
            for (Case c : requestCases(target)) {
                check(c, target.port(), target.port(), failures);
                sent++;
                distinct.add(c.name());
            }
        }
        assertThat(fingerprint()).as("nothing written by the request cases").isEqualTo(before);
        assertThat(distinct).as("distinct bad requests").hasSizeGreaterThanOrEqualTo(150);
        assertThat(failures).as(failures.size() + " of " + sent + " requests answered wrongly:\n" + String.join("\n", failures)).isEmpty();
    }

    /** Sends {@code c} to {@code port} and adds to {@code failures} what is wrong with the answer. */
    private static void check(Case c, String port, String where, List<String> failures) {
        HttpResponse<String> response;
        try {
            // the JDK's client sends the bytes and headers as given (no charset added, no multipart handling)
            response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.url(port, "/graphql"))).header("Content-Type", c.contentType())
                    .header("Authorization", "Bearer " + token("admin")).timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(c.body())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException | InterruptedException e) {
            failures.add(where + " / " + c.name() + ": no answer (" + e + ")");
            return;
        }
        String text = response.body();
        String label = where + " / " + c.name() + ": HTTP " + response.statusCode() + " " + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        if (response.statusCode() >= 500) {
            failures.add(label + " (a server error)");
            return;
        }
        for (String trace : List.of("\tat ", "gov.planning.", "java.lang.", "org.hibernate", "SQLState", "duplicate key")) {
            if (text.contains(trace)) {
                failures.add(label + " (shows internals: " + trace.strip() + ")");
                return;
            }
        }
        JsonPath answer;
        try {
            answer = new JsonPath(text);
            answer.getList("errors");
        } catch (RuntimeException e) {
            failures.add(label + " (not a JSON answer)");
            return;
        }
        // extensions.classification (graphql-java's DataFetchingException, ValidationError) is the standard, not a leak
        for (Object message : answer.getList("errors.message")) {
            for (String internal : INTERNALS) {
                if (String.valueOf(message).contains(internal)) {
                    failures.add(label + " (a message shows internals: " + internal.strip() + ")");
                    return;
                }
            }
        }
        List<Object> codes = answer.getList("errors.extensions.code");
        if (codes == null || codes.isEmpty()) {
            failures.add(label + " (no error)");
            return;
        }
        for (Object code : codes) {
            if (!documentedCodes.contains(String.valueOf(code))) {
                failures.add(label + " (code " + code + " is not in docs/frontend.md)");
                return;
            }
        }
        if (!c.codes().contains(String.valueOf(codes.get(0)))) {
            failures.add(label + " (expected " + c.codes() + ")");
        }
    }

    /** What the corpus must never change: every list's size, the audit trails and versions of the records it aims at. */
    private static String fingerprint() {
        JsonPath state = ok(gateway(token("admin"), """
                query($plan: ID!, $task: ID!, $indicator: ID!, $org: ID!) {
                  organizations(includeReplaced: true, first: 0) { totalCount }
                  auditLog(first: 0) { totalCount }
                  plans(first: 0) { totalCount }
                  tasks(first: 0) { totalCount }
                  indicators(first: 0) { totalCount }
                  plan(id: $plan) { version status outline { id } history { at } }
                  task(id: $task) { version status deadline { date } reports { id } history { at } }
                  indicator(id: $indicator) { version observations { id } regionalTargets { value } history { at } }
                  organization(id: $org) { version name validTo successor { id } history { at } }
                }""", Map.of("plan", planId, "task", taskId, "indicator", indicatorId, "org", orgId)));
        return state.prettify();
    }

    @Test
    void aFragmentBombAtEachSubgraphsOwnEndpointIsRefusedAndTheNextOrdinaryRequestIsServed() {
        for (Target target : TARGETS.subList(1, TARGETS.size())) {
            JsonPath bomb = platform.graphql(target.port(), token("admin"), fragmentBomb(60), Map.of());
            assertThat(bomb.getString("errors[0].extensions.code")).as(target.port()).isEqualTo("QUERY_TOO_COMPLEX");
            JsonPath next = platform.graphql(target.port(), token("admin"), "{ " + target.list() + "(first: 1) { totalCount } }", Map.of());
            assertThat(next.getString("errors")).as(target.port()).isNull();
            assertThat(next.getInt("data." + target.list() + ".totalCount")).as(target.port()).isPositive();
        }
    }

    // ------------------------------------------------------------------------------------------------ the races

    @Test
    void twentyIdenticalProgressReportsRacingThroughTheGatewayStoreOneAndAnswerTheRestConflict() {
        String task = newTask("加固测试：并发填报");
        List<JsonPath> answers = race(() -> gateway(token("zjt.reporter"), """
                mutation($task: ID!, $org: ID!, $period: String!) { submitProgressReport(taskId: $task, orgId: $org, period: $period,
                  percent: 30, summary: "并发提交") { id } }""", Map.of("task", task, "org", zjt, "period", ReportingPeriods.thisQuarter())));

        assertOneWinner(answers);
        assertThat(ok(gateway(token("admin"), "query($id: ID!) { task(id: $id) { reports { id } } }", Map.of("id", task)))
                .getList("data.task.reports")).hasSize(1);
    }

    @Test
    void twentyOrganizationsWithOneCodeRacingThroughTheGatewayStoreOneAndAnswerTheRestConflict() {
        String code = "nmg.race" + Long.toString(System.nanoTime(), 36);
        List<JsonPath> answers = race(() -> gateway(token("admin"), "mutation($i: OrganizationInput!) { createOrganization(input: $i) { id } }",
                Map.of("i", Map.of("code", code, "name", "并发测试机构", "kind", "AGENCY", "parentCode", "nmg"))));

        assertOneWinner(answers);
        assertThat(ok(gateway(token("admin"), "query($s: String) { organizations(search: $s, includeReplaced: true) { edges { node { code } } } }",
                Map.of("s", code))).getList("data.organizations.edges.node.code")).containsExactly(code);
    }

    @Test
    void twentyPlansWithOneDocumentNumberRacingThroughTheGatewayStoreOneAndAnswerTheRestConflict() {
        String docNumber = "内政发〔2026〕" + (System.nanoTime() % 100000) + "号";
        List<JsonPath> answers = race(() -> gateway(token("admin"), "mutation($i: PlanInput!) { createPlan(input: $i) { id } }",
                Map.of("i", Map.of("title", "并发测试规划", "kind", "PLAN", "docNumber", docNumber, "issuerId", nmg))));

        assertOneWinner(answers);
        assertThat(ok(gateway(token("admin"), "query($s: String) { plans(search: $s) { totalCount } }", Map.of("s", docNumber)))
                .getInt("data.plans.totalCount")).isEqualTo(1);
    }

    @Test
    void twentyIndicatorsWithOneNameInOnePlanRacingThroughTheGatewayStoreOneAndAnswerTheRestConflict() {
        List<JsonPath> answers = race(() -> gateway(token("admin"), "mutation($p: ID!, $i: IndicatorInput!) { createIndicator(planId: $p, input: $i) { id } }",
                Map.of("p", planId, "i", indicator("并发测试指标"))));

        assertOneWinner(answers);
        assertThat(ok(gateway(token("admin"), "query($p: ID!) { indicators(planId: $p, search: \"并发测试指标\") { totalCount } }",
                Map.of("p", planId))).getInt("data.indicators.totalCount")).isEqualTo(1);
    }

    private static void assertOneWinner(List<JsonPath> answers) {
        List<String> outcomes = answers.stream()
                .map(a -> a.getString("errors") == null ? "ok" : String.valueOf(a.getString("errors[0].extensions.code"))).toList();
        assertThat(outcomes).as(answers.stream().map(JsonPath::prettify).filter(t -> t.contains("errors")).findFirst().orElse(""))
                .hasSize(20).containsOnlyOnce("ok").containsOnly("ok", "CONFLICT");
    }

    // system-tests does not depend on test-support (it brings Quarkus's JUnit launcher and an embedded PostgreSQL into a
    // module that tests the running platform from outside), so race() and json() repeat its Concurrently and BadInput.json.

    /** The same request from 20 threads released at once, as a double click or users racing each other would send it. */
    private static List<JsonPath> race(Supplier<JsonPath> request) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<JsonPath>> pending = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<JsonPath> answers = new ArrayList<>();
            for (Future<JsonPath> answer : pending) {
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException("a racing request failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Tokens live 5 minutes in the dev realm and the corpus takes longer: a fresh one every minute. */
    private static synchronized String token(String user) {
        String[] cached = tokens.get(user);
        if (cached == null || System.currentTimeMillis() - Long.parseLong(cached[1]) > 60_000) {
            cached = new String[] { platform.token(user), Long.toString(System.currentTimeMillis()) };
            tokens.put(user, cached);
        }
        return cached[0];
    }

    private static JsonPath gateway(String token, String query, Map<String, Object> variables) {
        return platform.graphql(GATEWAY, token, query, variables);
    }

    private static JsonPath ok(JsonPath answer) {
        assertThat(answer.getString("errors")).as(answer.prettify()).isNull();
        return answer;
    }

    private static String orgId(String code) {
        return ok(gateway(token("admin"), "query($c: String!) { organization(code: $c) { id } }", Map.of("c", code)))
                .getString("data.organization.id");
    }

    private static String newTask(String title) {
        return ok(gateway(token("admin"), "mutation($p: ID!, $i: TaskInput!) { createTask(planId: $p, input: $i) { id } }", Map.of("p", planId,
                "i", Map.of("title", title, "leadOrgIds", List.of(zjt), "deadline", "2030-12-31")))).getString("data.createTask.id");
    }

    /** The codes docs/frontend.md's Errors section names: a code a client can meet and the guide does not list fails the corpus. */
    private static Set<String> documentedCodes() throws java.io.IOException {
        String guide = Files.readString(platform.root.resolve("docs/frontend.md"));
        int start = guide.indexOf("\n## Errors");
        String errors = guide.substring(start, guide.indexOf("\n## ", start + 1));
        Set<String> codes = new LinkedHashSet<>();
        Matcher code = Pattern.compile("`([A-Z][A-Z_]{3,})`").matcher(errors);
        while (code.find()) {
            codes.add(code.group(1));
        }
        assertThat(codes).contains("BAD_REQUEST", BAD, "GRAPHQL_PARSE_FAILED", "CONFLICT");
        return codes;
    }

    /** {@code variables} with the value at {@code path} ({@code input.title}, {@code rows[0].value}) replaced. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> variables, String path, Object value) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(variables);
        Object parent = copy;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length; i++) {
            Matcher indexed = Pattern.compile("(\\w+)\\[(\\d+)]").matcher(steps[i]);
            boolean last = i == steps.length - 1;
            if (indexed.matches()) {
                List<Object> list = (List<Object>) ((Map<String, Object>) parent).get(indexed.group(1));
                int index = Integer.parseInt(indexed.group(2));
                if (last) {
                    list.set(index, value);
                } else {
                    parent = list.get(index);
                }
            } else if (last) {
                ((Map<String, Object>) parent).put(steps[i], value);
            } else {
                parent = ((Map<String, Object>) parent).get(steps[i]);
            }
        }
        return copy;
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    /**
     * JSON with every non-ASCII character escaped, so control characters and lone surrogate halves reach the server as
     * the JSON text says (a UTF-8 encoder would turn a lone surrogate into '?').
     */
    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char ch : text.toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    out.append('\\').append(ch);
                } else if (ch < 0x20 || ch > 0x7e) {
                    out.append(String.format("\\u%04x", (int) ch));
                } else {
                    out.append(ch);
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(json(String.valueOf(k)) + ":" + json(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(HardeningIT::json).toList()) + "]";
        }
        return String.valueOf(value);
    }
}
