package gov.planning.plan;

import static gov.planning.testing.Concurrently.outcomes;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.planning.testing.Concurrently;
import gov.planning.testing.SampleDocuments;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Uniqueness rules hold when users race: the database decides, the losers get CONFLICT, nothing else is stored. */
@QuarkusTest
class ConcurrentDuplicatesTest {

    private static final String ADMIN = TestTokens.admin();
    private static final int RACERS = 20;

    @Test
    void twentySimultaneousReportsForOneTaskOrganizationAndPeriodStoreOneAndTheOthersAreConflict() {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        String task = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2030-12-31");

        List<JsonPath> answers = Concurrently.run(RACERS,
                () -> Api.submit(TestTokens.reporter("nmg.zjt"), task, "nmg.zjt", Api.thisQuarter(), 30, "已开工"));

        assertThat(outcomes(answers)).isSubsetOf("ok", "CONFLICT").filteredOn("ok"::equals).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getString("errors") != null)
                .allSatisfy(a -> assertThat(a.getString("errors[0].message")).contains("already open").doesNotContain("progress_report"));
        assertThat(Db.count("SELECT count(*) FROM progress_report WHERE task_id = ?", UUID.fromString(task))).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM audit_trail WHERE entity_type = 'ProgressReport' AND entity_id IN "
                + "(SELECT id FROM progress_report WHERE task_id = ?)", UUID.fromString(task))).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesASecondOpenReportButNotOneBesideAReturnedReport() {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        UUID task = UUID.fromString(Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2030-12-31"));
        String insert = "INSERT INTO progress_report (id, task_id, org_id, period, summary, reported_by, reported_at, status) "
                + "VALUES (?, ?, ?, '2025', '进展', 'test', now(), ?)";
        Db.update(insert, UUID.randomUUID(), task, FakeOrgTree.id("nmg.zjt"), "RETURNED");
        Db.update(insert, UUID.randomUUID(), task, FakeOrgTree.id("nmg.zjt"), "SUBMITTED");

        Throwable second = catchThrowable(() -> Db.update(insert, UUID.randomUUID(), task, FakeOrgTree.id("nmg.zjt"), "APPROVED"));

        assertThat(second).hasCauseInstanceOf(SQLException.class);
        assertThat(((SQLException) second.getCause()).getSQLState()).isEqualTo("23505");
        assertThat(Db.count("SELECT count(*) FROM progress_report WHERE task_id = ?", task)).isEqualTo(2);
    }

    @Test
    void twentySimultaneousPlansWithOneDocumentNumberStoreOneAndTheOthersAreConflict() {
        String number = "内政发〔2026〕" + System.nanoTime() + "号";
        Map<String, Object> input = Map.of("title", "并发方案", "kind", "PLAN", "docNumber", number, "issuerId", FakeOrgTree.ids("nmg"));

        List<JsonPath> answers = Concurrently.run(RACERS,
                () -> post(ADMIN, "mutation($input: PlanInput!) { createPlan(input: $input) { id } }", Map.of("input", input)));

        assertThat(outcomes(answers)).isSubsetOf("ok", "CONFLICT").filteredOn("ok"::equals).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getString("errors") != null)
                .allSatisfy(a -> assertThat(a.getString("errors[0].message")).startsWith("docNumber: "));
        assertThat(Db.count("SELECT count(*) FROM plan WHERE doc_number = ?", number)).isEqualTo(1);
    }

    @Test
    void twentySimultaneousImportsOfOneDocumentNumberAnswerOnlySuccessOrConflictAndLeaveOneCompletePlan() {
        String number = "示政办发〔2025〕" + (5000 + System.nanoTime() % 4000) + "号";
        String text = SampleDocuments.read("synthetic-breakdown-table.txt").replace("示政办发〔2025〕12号", number);

        List<JsonPath> answers = Concurrently.run(RACERS, () -> ImportApiTest.importDocument(ADMIN, text, false, "nmg"));

        assertThat(outcomes(answers)).isSubsetOf("ok", "CONFLICT").contains("ok");
        assertThat(Db.count("SELECT count(*) FROM plan WHERE doc_number = ?", number)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM plan WHERE doc_number = ? AND importing", number)).isZero();
        long tasks = Db.count("SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.doc_number = ?", number);
        long once = ImportApiTest.importDocument(ADMIN, text, true, "nmg").getList("data.importPlanDocument.tasks").size();
        assertThat(tasks).isEqualTo(once);
    }

    @Test
    void aDocumentNumberTypedWithACompatibilityIdeographOrSpacesIsTheSameNumber() {
        String number = "内金发〔2026〕" + System.nanoTime() + "号";
        String typedElsewhere = "\u3000" + number.replace("金", "\uF90A") + " ";
        String create = "mutation($input: PlanInput!) { createPlan(input: $input) { id docNumber } }";
        Map<String, Object> first = Map.of("title", "方案", "kind", "PLAN", "docNumber", typedElsewhere, "issuerId", FakeOrgTree.ids("nmg"));
        Map<String, Object> second = Map.of("title", "方案", "kind", "PLAN", "docNumber", number, "issuerId", FakeOrgTree.ids("nmg"));

        assertThat(post(ADMIN, create, Map.of("input", first)).getString("data.createPlan.docNumber")).isEqualTo(number);
        assertThat(Concurrently.outcomes(List.of(post(ADMIN, create, Map.of("input", second))))).containsExactly("CONFLICT");
        assertThat(Db.count("SELECT count(*) FROM plan WHERE doc_number = ?", number)).isEqualTo(1);
    }
}
