package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The approval queue's count comes from {@code approval_backlog} (V12) when the caller's scope holds every organization
 * with a submitted report, else from the reports themselves; either way it is the length of the queue, each report
 * once however many of its task's leads are in the scope. The table is what its triggers would compute from scratch
 * after every kind of write: a submit, an approval, a return, leads reassigned, reports and leads written behind the API.
 */
@QuarkusTest
class ApprovalBacklogTest {

    // Tokens made when used: they expire after five minutes, and walking an admin's whole queue on a loaded machine is slow.
    private static String admin() {
        return TestTokens.admin();
    }

    private static String province() {
        return TestTokens.planner("nmg");
    }

    /** The rows the triggers keep that differ from V12's computation from scratch (none when they agree). */
    private static long rowsOffTheirSources() {
        String scratch = """
                SELECT coalesce(o.org_id, '00000000-0000-0000-0000-000000000000'), count(*),
                       count(*) FILTER (WHERE o.org_id = f.first OR o.org_id IS NULL)
                FROM progress_report r
                LEFT JOIN task_org o ON o.task_id = r.task_id AND o.role = 'LEAD'
                LEFT JOIN (SELECT DISTINCT ON (task_id) task_id, org_id AS first FROM task_org WHERE role = 'LEAD'
                           ORDER BY task_id, org_id) f ON f.task_id = r.task_id
                WHERE r.status = 'SUBMITTED' GROUP BY 1""";
        String kept = "SELECT org_id, reports, first_reports FROM approval_backlog WHERE reports <> 0 OR first_reports <> 0";
        return Db.count("SELECT count(*) FROM ((" + kept + " EXCEPT " + scratch + ") UNION ALL (" + scratch + " EXCEPT " + kept + ")) d");
    }

    /** The queue's badge count, checked against its whole list walked page by page; returns the list. */
    private static List<String> queue(String token) {
        JsonPath badge = post(token, "{ approvalQueue(first: 0) { totalCount } }");
        assertThat(badge.getString("errors")).isNull();
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            JsonPath page = post(token, "query($after: String) { approvalQueue(first: 500, after: $after) { totalCount "
                    + "edges { node { id } } pageInfo { hasNextPage endCursor } } }", after == null ? Map.of() : Map.of("after", after));
            assertThat(page.getString("errors")).isNull();
            assertThat(page.getInt("data.approvalQueue.totalCount")).isEqualTo(badge.getInt("data.approvalQueue.totalCount"));
            List<String> shown = page.getList("data.approvalQueue.edges.node.id");
            ids.addAll(shown);
            if (shown.isEmpty() || !page.getBoolean("data.approvalQueue.pageInfo.hasNextPage")) {
                break;
            }
            after = page.getString("data.approvalQueue.pageInfo.endCursor");
        }
        assertThat(ids).as("each report once").doesNotHaveDuplicates();
        assertThat(ids).as("the badge counts the list").hasSize(badge.getInt("data.approvalQueue.totalCount"));
        return ids;
    }

    private static String submit(String task, String orgCode) {
        JsonPath submitted = Api.submit(admin(), task, orgCode, Api.thisQuarter(), 30, "推进中");
        assertThat(submitted.getString("errors")).isNull();
        return submitted.getString("data.submitProgressReport.id");
    }

    @Test
    void aReportIsCountedOnceWhateverItsLeadsAndTheCountIsTheListInsideAndOutsideAProvincesScope() {
        String plan = Api.createPlan(admin(), "nmg", null);
        String threeLeads = Api.newTask(plan, List.of("nmg.zjt", "nmg.fgw", "nmg.gat"), List.of(), "2030-12-31");
        String oneLead = Api.newTask(plan, List.of("nmg.jyt"), List.of(), "2030-12-31");
        String shared = submit(threeLeads, "nmg.zjt");
        String single = submit(oneLead, "nmg.jyt");
        assertThat(queue(province())).contains(shared, single);
        assertThat(queue(TestTokens.reporter("nmg.fgw"))).contains(shared).doesNotContain(single);
        assertThat(rowsOffTheirSources()).isZero();

        // A report led from 广西: outside the province planner's scope, whose count then reads the reports themselves.
        String gxPlan = Api.createPlan(admin(), "gx", null);
        String gxTask = Api.newTask(gxPlan, List.of("gx.zjt", "nmg.zjt"), List.of(), "2030-12-31");
        String gxOnly = Api.newTask(gxPlan, List.of("gx.zjt"), List.of(), "2030-12-31");
        String both = submit(gxTask, "gx.zjt");
        String outside = submit(gxOnly, "gx.zjt");
        assertThat(queue(province())).contains(shared, single, both).doesNotContain(outside);
        assertThat(queue(TestTokens.planner("gx"))).contains(both, outside).doesNotContain(shared);
        assertThat(queue(admin())).contains(shared, single, both, outside);

        // A task whose leads were removed behind the API: its report is the admin's only.
        Db.update("DELETE FROM task_org WHERE task_id = CAST(? AS uuid) AND role = 'LEAD'", oneLead);
        assertThat(queue(admin())).contains(single);
        assertThat(queue(province())).doesNotContain(single);
        assertThat(rowsOffTheirSources()).isZero();
    }

    @Test
    void theBacklogFollowsApprovalsReturnsReassignedLeadsAndWritesBehindTheApi() {
        String plan = Api.createPlan(admin(), "nmg", null);
        String task = Api.newTask(plan, List.of("nmg.zjt", "nmg.fgw"), List.of("nmg.gat"), "2030-12-31");
        String other = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2030-12-31");
        String approved = submit(task, "nmg.zjt");
        String returned = submit(task, "nmg.fgw");
        submit(other, "nmg.gat");
        assertThat(rowsOffTheirSources()).isZero();

        assertThat(Api.review(admin(), approved, true, null).getString("errors")).isNull();
        assertThat(Api.review(admin(), returned, false, "请补充").getString("errors")).isNull();
        submit(task, "nmg.fgw");
        assertThat(rowsOffTheirSources()).as("approved, returned, resubmitted").isZero();

        JsonPath reassigned = post(admin(), "mutation($id: ID!, $v: Int!, $leads: [String!]) { updateTask(id: $id, version: $v, leadOrgIds: $leads) { id } }",
                Map.of("id", task, "v", Api.version(task), "leads", List.of(FakeOrgTree.ids("nmg.jyt"), FakeOrgTree.ids("nmg.bt"))));
        assertThat(reassigned.getString("errors")).isNull();
        assertThat(rowsOffTheirSources()).as("leads reassigned").isZero();
        assertThat(queue(TestTokens.reporter("nmg.jyt"))).isNotEmpty();

        Db.update("INSERT INTO progress_report (id, task_id, org_id, period, percent, summary, reported_by, reported_at, status)"
                + " SELECT gen_random_uuid(), t, CAST(? AS uuid), '2025Q1', 10, '补报', 'admin', now(), 'SUBMITTED'"
                + " FROM unnest(ARRAY[CAST(? AS uuid), CAST(? AS uuid)]) AS t", FakeOrgTree.ids("nmg.gat"), task, other);
        assertThat(rowsOffTheirSources()).as("reports of two tasks in one statement").isZero();
        Db.update("UPDATE progress_report SET status = 'APPROVED' WHERE task_id = CAST(? AS uuid) AND period = '2025Q1'", other);
        Db.update("UPDATE task_org SET role = 'COOPERATING' WHERE task_id = CAST(? AS uuid) AND org_id = CAST(? AS uuid)", task,
                FakeOrgTree.ids("nmg.bt"));
        assertThat(rowsOffTheirSources()).as("a report approved and a lead made cooperating by SQL").isZero();
        Db.update("DELETE FROM task WHERE id = CAST(? AS uuid)", other);
        assertThat(rowsOffTheirSources()).as("a task deleted with its reports and leads").isZero();
        queue(province());
        queue(admin());
    }
}
