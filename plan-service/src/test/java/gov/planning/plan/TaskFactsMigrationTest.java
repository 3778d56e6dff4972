package gov.planning.plan;

import static gov.planning.testing.ScratchSchema.connect;
import static gov.planning.testing.ScratchSchema.count;
import static gov.planning.testing.ScratchSchema.flyway;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The order by progress joins task_facts inner since V18 (to walk an index on the percent), so every task needs its row:
 * the tasks there before V18 without one (never reported on, no milestone) get theirs with computed facts, and a task
 * inserted afterwards, by any statement, has one at once. Run on a schema of its own, migrated to V17.
 */
@QuarkusTest
class TaskFactsMigrationTest {

    @Test
    void tasksWithoutFactsGetTheirRowAtTheMigrationAndEveryTaskInsertedLaterHasOne() throws SQLException {
        String schema = "before_v18_" + Long.toHexString(System.nanoTime());
        UUID plan = UUID.randomUUID();
        UUID bare = UUID.randomUUID();
        UUID withMilestone = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        flyway(schema, "17").migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path = " + schema);
            s.execute("INSERT INTO plan (id, title, kind, issuer_id, created_by) VALUES ('" + plan + "', '规划', 'PLAN', '"
                    + UUID.randomUUID() + "', 'admin')");
            s.execute("INSERT INTO task (id, plan_id, position, title, created_by, created_at, updated_at) VALUES "
                    + "('" + bare + "', '" + plan + "', 1, '从未填报', 'admin', now(), now()), "
                    + "('" + withMilestone + "', '" + plan + "', 2, '有里程碑', 'admin', now(), now())");
            s.execute("INSERT INTO milestone (id, task_id, due_date, description, position) VALUES (gen_random_uuid(), '"
                    + withMilestone + "', '2027-06-30', '出台办法', 1)");
            assertThat(count(s, "SELECT count(*) FROM task_facts WHERE task_id = '" + bare + "'")).as("before V18").isZero();

            flyway(schema, "latest").migrate();

            assertThat(facts(s, bare)).isEqualTo("null null null");
            assertThat(facts(s, withMilestone)).isEqualTo("null null 2027-06-30");
            s.execute("INSERT INTO task (id, plan_id, position, title, created_by, created_at, updated_at) VALUES ('" + later
                    + "', '" + plan + "', 3, '新任务', 'admin', now(), now())");
            assertThat(facts(s, later)).isEqualTo("null null null");
            assertThat(count(s, "SELECT count(*) FROM task t WHERE NOT EXISTS (SELECT 1 FROM task_facts f WHERE f.task_id = t.id)"))
                    .as("tasks without facts").isZero();
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static String facts(Statement s, UUID task) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT last_report_at, last_percent, first_open_milestone FROM task_facts WHERE task_id = '"
                + task + "'")) {
            assertThat(r.next()).as("a facts row of " + task).isTrue();
            return r.getString(1) + " " + r.getString(2) + " " + r.getString(3);
        }
    }
}
