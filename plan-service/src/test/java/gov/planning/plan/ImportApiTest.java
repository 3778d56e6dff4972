package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.testing.SampleDocuments;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * importPlanDocument on the shared samples, with org-service's name resolution ({@link FakeOrgNameLookup}) and
 * indicator-service ({@link FakeIndicatorClient}) replaced. Each test gives the synthetic sample its own document
 * number, since a number identifies one plan.
 */
@QuarkusTest
class ImportApiTest {

    private static final String SYNTHETIC_NUMBER = "示政办发〔2025〕12号";
    private static final AtomicInteger NUMBERS = new AtomicInteger(100);
    static final String IMPORT = """
            mutation($text: String!, $dry: Boolean, $issuer: String) {
              importPlanDocument(text: $text, dryRun: $dry, issuerCode: $issuer) {
                plan { id status docNumber issuer { id } }
                title kind issuerName issuer { id } outline { number heading level taskCount children { heading taskCount } }
                docNumber issuedOn periodStart periodEnd
                tasks { number title leadOrgs { input organization { id } candidates { id } }
                        cooperatingOrgs { input organization { id } candidates { id } }
                        deadline { date ongoing text } milestones { dueDate description } }
                indicators { name unit comparator baseline { value year } target { value year } leadOrgs { input } }
                regionalTables { title unit periods rows { regionName region { id } values } totals totalsMatch }
                unresolvedNames warnings
              }
            }""";

    @Inject
    FakeIndicatorClient indicators;

    @Inject
    FakeOrgNameLookup names;

    private String docNumber;
    private String text;

    @BeforeEach
    void freshDocumentNumber() {
        indicators.reset();
        docNumber = "示政办发〔2025〕" + NUMBERS.incrementAndGet() + "号";
        text = SampleDocuments.read("synthetic-breakdown-table.txt").replace(SYNTHETIC_NUMBER, docNumber);
    }

    static JsonPath importDocument(String token, String text, boolean dryRun, String issuer) {
        Map<String, Object> vars = new HashMap<>(Map.of("text", text, "dry", dryRun));
        if (issuer != null) {
            vars.put("issuer", issuer);
        }
        return post(token, IMPORT, vars);
    }

    private long plansWithNumber() {
        return Db.count("SELECT count(*) FROM plan WHERE doc_number = ?", docNumber);
    }

    @Test
    void dryRunShowsTasksIndicatorsAndTheTableAndWritesNothing() {
        long auditBefore = Db.count("SELECT count(*) FROM audit_trail");
        JsonPath answer = importDocument(TestTokens.planner("nmg"), text, true, "nmg");
        assertThat(answer.getString("errors")).isNull();
        String p = "data.importPlanDocument.";
        assertThat(answer.getString(p + "plan")).isNull();
        assertThat(answer.getString(p + "title")).isEqualTo("示例市老旧小区改造三年行动任务分工方案（2025—2027年）");
        assertThat(answer.getString(p + "docNumber")).isEqualTo(docNumber);
        assertThat(answer.getString(p + "issuedOn")).isEqualTo("2025-03-18");
        assertThat(answer.getInt(p + "periodStart")).isEqualTo(2025);
        assertThat(answer.getInt(p + "periodEnd")).isEqualTo(2027);
        // What the saved plan will be: its kind, and the issuer given (the document's own issuer shown as written).
        assertThat(answer.getString(p + "kind")).isEqualTo("TASK_DIVISION");
        assertThat(answer.getString(p + "issuerName")).isEqualTo("示例市人民政府办公室");
        assertThat(answer.getString(p + "issuer.id")).isEqualTo(FakeOrgTree.ids("nmg"));
        assertThat(answer.getList(p + "outline.heading")).containsExactly("主要目标", "重点任务", "保障措施");
        assertThat(answer.getList(p + "outline[1].children.heading")).containsExactly("摸清改造底数", "编制年度改造计划",
                "推进既有住宅加装电梯", "健全长效管理机制");
        assertThat(answer.getList(p + "outline[1].children.taskCount")).containsExactly(1, 1, 1, 1);

        assertThat(answer.getList(p + "tasks.number")).containsExactly("（一）", "（二）", "（三）", "（四）");
        assertThat(answer.getString(p + "tasks[0].leadOrgs[0].input")).isEqualTo("市住房和城乡建设局");
        assertThat(answer.getString(p + "tasks[0].leadOrgs[0].organization.id")).isEqualTo(FakeOrgTree.ids("nmg.zjt"));
        assertThat(answer.getString(p + "tasks[0].deadline.date")).isEqualTo("2025-06-30");
        assertThat(answer.getBoolean(p + "tasks[1].deadline.ongoing")).isTrue();
        assertThat(answer.getString(p + "tasks[1].deadline.text")).isEqualTo("每年1月底前");
        assertThat(answer.getList(p + "tasks[2].leadOrgs.input")).containsExactly("市住房和城乡建设局", "市市场监督管理局");
        assertThat(answer.getList(p + "tasks[2].milestones")).isNotEmpty();
        // Unresolved names are shown with their candidates, never guessed.
        assertThat(answer.getString(p + "tasks[3].cooperatingOrgs[0].input")).isEqualTo("市民政局");
        assertThat(answer.getString(p + "tasks[3].cooperatingOrgs[0].organization")).isNull();
        assertThat(answer.getList(p + "tasks[3].cooperatingOrgs[0].candidates.id"))
                .containsExactly(FakeOrgTree.ids("nmg.jyt"), FakeOrgTree.ids("nmg.gat"));
        assertThat(answer.getList(p + "unresolvedNames", String.class)).containsExactlyInAnyOrder("市民政局", "各街道办事处");

        assertThat(answer.getList(p + "indicators.name")).containsExactly(
                "累计改造城镇老旧小区", "惠及居民", "既有住宅加装电梯", "老旧小区改造后物业管理覆盖率", "城镇供水管网漏损率");
        assertThat(answer.getDouble(p + "indicators[0].target.value")).isEqualTo(360.0);
        assertThat(answer.getString(p + "indicators[2].comparator")).isEqualTo("AT_LEAST");
        assertThat(answer.getDouble(p + "indicators[3].baseline.value")).isEqualTo(52.0);
        assertThat(answer.getString(p + "indicators[4].comparator")).isEqualTo("AT_MOST");

        assertThat(answer.getList(p + "regionalTables")).hasSize(1);
        String t = p + "regionalTables[0].";
        assertThat(answer.getString(t + "unit")).isEqualTo("个");
        assertThat(answer.getList(t + "periods")).containsExactly("2025年", "2026年", "2027年");
        assertThat(answer.getList(t + "rows.regionName")).containsExactly("东城区", "西城区", "南湖区", "北山县", "青河县");
        assertThat(answer.getString(t + "rows[0].region.id")).isEqualTo(FakeOrgTree.ids("nmg.hhht"));
        List<Float> totals = answer.getList(t + "totals", Float.class);
        assertThat(totals).containsExactly(100f, 130f, 130f);
        assertThat(totals.stream().mapToDouble(Float::doubleValue).sum()).isEqualTo(360.0);
        assertThat(answer.getBoolean(t + "totalsMatch")).isTrue();

        // The issuer is the context and the issue date the asOf of the name resolution.
        assertThat(names.calls).contains("nmg@2025-03-18");
        // Nothing written: no plan, no audit entry, nothing sent to indicator-service.
        assertThat(plansWithNumber()).isZero();
        assertThat(Db.count("SELECT count(*) FROM audit_trail")).isEqualTo(auditBefore);
        assertThat(indicators.created).isEmpty();
    }

    @Test
    void realImportCreatesOneDraftPlanAndImportingAgainUpdatesItWithoutDuplicates() {
        JsonPath first = importDocument(TestTokens.planner("nmg"), text, false, "nmg");
        assertThat(first.getString("errors")).isNull();
        String planId = first.getString("data.importPlanDocument.plan.id");
        assertThat(first.getString("data.importPlanDocument.plan.status")).isEqualTo("DRAFT");
        assertThat(first.getString("data.importPlanDocument.plan.issuer.id")).isEqualTo(FakeOrgTree.ids("nmg"));
        UUID id = UUID.fromString(planId);
        assertThat(plansWithNumber()).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM task WHERE plan_id = ?", id)).isEqualTo(4);
        assertThat(Db.count("SELECT count(*) FROM section WHERE plan_id = ?", id)).isGreaterThan(0);
        // Task (三): two leads (the convener first) and two cooperating units; its milestones are saved.
        assertThat(Db.count("SELECT count(*) FROM task_org o JOIN task t ON t.id = o.task_id WHERE t.plan_id = ? AND t.number = '（三）' AND o.role = 'LEAD'", id)).isEqualTo(2);
        assertThat(Db.count("SELECT count(*) FROM milestone m JOIN task t ON t.id = m.task_id WHERE t.plan_id = ?", id)).isGreaterThan(0);
        // Unresolved cooperating units are left off (and said so), not guessed.
        assertThat(first.getList("data.importPlanDocument.warnings", String.class)).anyMatch(w -> w.contains("市民政局"));

        JsonPath read = post(TestTokens.viewer(), "query($id: ID!) { plan(id: $id) { status tasks { totalCount } outline { heading } } }",
                Map.of("id", planId));
        assertThat(read.getString("data.plan.status")).isEqualTo("DRAFT");
        assertThat(read.getInt("data.plan.tasks.totalCount")).isEqualTo(4);

        // indicator-service got the five indicators and the table as regional targets of 累计改造城镇老旧小区.
        assertThat(indicators.created).extracting(FakeIndicatorClient.NewIndicator::name).hasSize(5);
        assertThat(indicators.created.get(0).responsibleOrgIds()).isEmpty();
        assertThat(indicators.targets).extracting(FakeIndicatorClient.Targets::period).containsExactly("2025", "2026", "2027");
        assertThat(indicators.targets.get(0).indicatorId()).isEqualTo(indicators.byPlan.get(id).get("累计改造城镇老旧小区"));
        assertThat(indicators.targets.get(0).total()).isEqualTo(100.0);
        assertThat(indicators.targets.get(0).rows()).hasSize(5);
        // Every write named the hidden plan and its issuer: indicator-service checks the importing planner against it
        // without asking plan-service for a plan it does not show yet.
        assertThat(indicators.plans).hasSize(5 + 3).containsOnly(new FakeIndicatorClient.ImportedPlan(id, FakeOrgTree.id("nmg")));

        JsonPath again = importDocument(TestTokens.planner("nmg"), text, false, "nmg");
        assertThat(again.getString("errors")).isNull();
        assertThat(again.getString("data.importPlanDocument.plan.id")).isEqualTo(planId);
        assertThat(plansWithNumber()).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM task WHERE plan_id = ?", id)).isEqualTo(4);
        assertThat(indicators.created).hasSize(5);
        assertThat(again.getList("data.importPlanDocument.warnings", String.class)).anyMatch(w -> w.contains("already exists"));
    }

    @Test
    void aPublishedPlanIsNeverOverwritten() {
        String planId = importDocument(TestTokens.admin(), text, false, "nmg").getString("data.importPlanDocument.plan.id");
        JsonPath published = post(TestTokens.admin(), "mutation($id: ID!) { publishPlan(id: $id) { status } }", Map.of("id", planId));
        assertThat(published.getString("errors")).isNull();
        assertThat(firstErrorCode(importDocument(TestTokens.admin(), text, false, "nmg"))).isEqualTo("CONFLICT");
        assertThat(plansWithNumber()).isEqualTo(1);
    }

    @Test
    void aFailureInTheIndicatorStepLeavesNoPlan() {
        indicators.failOnCreate = true;
        JsonPath answer = importDocument(TestTokens.planner("nmg"), text, false, "nmg");
        assertThat(firstErrorCode(answer)).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.getString("errors[0].message")).contains("nothing was saved").contains("creating indicator");
        assertThat(plansWithNumber()).isZero();
        JsonPath all = post(TestTokens.admin(), "{ plans(first: 500) { edges { node { docNumber } } } }");
        assertThat(all.getList("data.plans.edges.node.docNumber")).doesNotContain(docNumber);
        // The number is free again: the next attempt succeeds.
        indicators.failOnCreate = false;
        assertThat(importDocument(TestTokens.planner("nmg"), text, false, "nmg").getString("errors")).isNull();
    }

    @Test
    void aFailureAfterSomeIndicatorsWereCreatedTakesThemBackBeforeDroppingThePlan() {
        indicators.failAfterCreates = 2;

        JsonPath answer = importDocument(TestTokens.planner("nmg"), text, false, "nmg");

        assertThat(firstErrorCode(answer)).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.getString("errors[0].message")).contains("the 2 indicators it had created in indicator-service were removed");
        assertThat(indicators.deleted).hasSize(2);
        assertThat(indicators.byPlan.values()).allSatisfy(named -> assertThat(named).isEmpty());
        assertThat(plansWithNumber()).isZero();
    }

    @Test
    void aPlanStillBeingImportedIsHiddenFromEveryReadAndReservesItsNumber() {
        UUID hidden = UUID.randomUUID();
        Db.update("INSERT INTO plan (id, title, kind, doc_number, issuer_id, status, created_by, importing) "
                + "VALUES (?, '导入中', 'PLAN', ?, ?, 'DRAFT', 'test', true)", hidden, docNumber, FakeOrgTree.id("nmg"));
        Map<String, Object> id = Map.of("id", hidden.toString());
        assertThat(post(TestTokens.admin(), "query($id: ID!) { plan(id: $id) { id } }", id).getString("data.plan")).isNull();
        assertThat(post(TestTokens.admin(), "{ plans(first: 500) { edges { node { id } } } }").getList("data.plans.edges.node.id")).doesNotContain(hidden.toString());
        assertThat(firstErrorCode(post(TestTokens.admin(), "mutation($id: ID!) { publishPlan(id: $id) { id } }", id))).isEqualTo("NOT_FOUND");
        assertThat(firstErrorCode(Api.createTask(TestTokens.admin(), hidden.toString(),
                Api.task("任务", List.of("nmg.zjt"), List.of(), null)))).isEqualTo("NOT_FOUND");
        // A second import of the same number meanwhile is refused, not run alongside.
        assertThat(firstErrorCode(importDocument(TestTokens.admin(), text, false, "nmg"))).isEqualTo("CONFLICT");
        assertThat(indicators.created).isEmpty();
        // Not even its issuer is answered: the import tells indicator-service itself (decision 0007).
        assertThat(post(TestTokens.viewer(), "query($p: ID!) { planIssuer(planId: $p) }", Map.of("p", hidden.toString()))
                .getString("errors[0].message")).contains("planIssuer");
    }

    @Test
    void anImportAbandonedMidwayIsTakenOverAfterTenMinutesReusingTheIndicatorsItHadCreated() {
        UUID hidden = UUID.randomUUID();
        Db.update("INSERT INTO plan (id, title, kind, doc_number, issuer_id, status, created_by, importing, created_at) "
                + "VALUES (?, '导入中', 'PLAN', ?, ?, 'DRAFT', 'test', true, now() - interval '11 minutes')",
                hidden, docNumber, FakeOrgTree.id("nmg"));
        String first = importDocument(TestTokens.admin(), text, true, "nmg").getString("data.importPlanDocument.indicators[0].name");
        String earlierId = UUID.randomUUID().toString();
        indicators.byPlan.computeIfAbsent(hidden, p -> new java.util.concurrent.ConcurrentHashMap<>()).put(first, earlierId);

        JsonPath answer = importDocument(TestTokens.planner("nmg"), text, false, "nmg");

        assertThat(answer.getString("errors")).isNull();
        assertThat(answer.getString("data.importPlanDocument.plan.id")).isEqualTo(hidden.toString());
        assertThat(indicators.created).extracting(FakeIndicatorClient.NewIndicator::name).doesNotContain(first).hasSize(4);
        assertThat(indicators.byPlan.get(hidden)).containsEntry(first, earlierId).hasSize(5);
    }

    @Test
    void anUnresolvedLeadRefusesTheRealImportButNotTheDryRun() {
        String unknownLead = text.replace("市市场监督管理局", "市不存在管理局");
        assertThat(importDocument(TestTokens.planner("nmg"), unknownLead, true, "nmg").getList("data.importPlanDocument.unresolvedNames"))
                .contains("市不存在管理局");
        JsonPath refused = importDocument(TestTokens.planner("nmg"), unknownLead, false, "nmg");
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("市不存在管理局");
        assertThat(plansWithNumber()).isZero();
        assertThat(indicators.created).isEmpty();
    }

    @Test
    void viewerReporterAndAPlannerOfAnotherProvinceAreForbiddenEvenForADryRun() {
        for (String token : List.of(TestTokens.viewer(), TestTokens.reporter("nmg.zjt"), TestTokens.planner("gx"))) {
            assertThat(firstErrorCode(importDocument(token, text, true, "nmg"))).isEqualTo("FORBIDDEN");
            assertThat(firstErrorCode(importDocument(token, text, false, "nmg"))).isEqualTo("FORBIDDEN");
        }
        // A planner of a department below the issuer is not above it either.
        assertThat(firstErrorCode(importDocument(TestTokens.planner("nmg.zjt"), text, true, "nmg"))).isEqualTo("FORBIDDEN");
        assertThat(plansWithNumber()).isZero();
    }

    @Test
    void anUnknownIssuerCodeIsBadUserInput() {
        assertThat(firstErrorCode(importDocument(TestTokens.admin(), text, true, "no.such.org"))).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void withoutAnIssuerCodeTheDocumentsOwnIssuerIsTheContextNamesResolveIn() {
        names.calls.clear();
        JsonPath answer = importDocument(TestTokens.admin(), text, true, null);
        assertThat(answer.getString("errors")).isNull();
        // 示例市人民政府办公室 resolves (in this fake tree) to nmg.fgw, which then is the context of every other name.
        assertThat(names.calls).contains("nmg.fgw@2025-03-18");
        assertThat(answer.getString("data.importPlanDocument.issuer.id")).isEqualTo(FakeOrgTree.ids("nmg.fgw"));
    }

    @Test
    void theLargestSampleDryRunsWithoutErrors() {
        JsonPath answer = importDocument(TestTokens.admin(), SampleDocuments.read("nmg-2016-urbanization-plan.txt"), true, "nmg");
        assertThat(answer.getString("errors")).isNull();
        assertThat(answer.getList("data.importPlanDocument.tasks")).isNotEmpty();
        assertThat(answer.getList("data.importPlanDocument.indicators")).isNotEmpty();
    }

    @Test
    void guangxiTaskDivisionDryRunHas47TasksEachWithALead() {
        JsonPath answer = importDocument(TestTokens.admin(), SampleDocuments.read("gx-2014-urbanization-task-division.txt"), true, "gx");
        assertThat(answer.getString("errors")).isNull();
        List<String> numbers = answer.getList("data.importPlanDocument.tasks.number", String.class);
        assertThat(numbers).hasSize(47);
        assertThat(numbers.get(0)).isEqualTo("（十七）");
        assertThat(numbers.get(46)).isEqualTo("（六十三）");
        for (int i = 0; i < 47; i++) {
            assertThat(answer.getList("data.importPlanDocument.tasks[" + i + "].leadOrgs")).as(numbers.get(i)).isNotEmpty();
        }
    }
}
