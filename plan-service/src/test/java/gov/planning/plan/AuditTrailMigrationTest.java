package gov.planning.plan;

import static gov.planning.testing.ScratchSchema.connect;
import static gov.planning.testing.ScratchSchema.count;
import static gov.planning.testing.ScratchSchema.flyway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * V11 moves plan_audit into platform-common's audit_trail (docs/decisions/0009) while the previous release's pods keep
 * running: entries written before keep their order and gain their plan as scope, and what the old code still writes to
 * plan_audit lands in the trail with its plan. Run on a schema of its own, migrated to V9.
 */
@QuarkusTest
class AuditTrailMigrationTest {

    @Test
    void oldEntriesKeepTheirOrderAndGainTheirPlanAndThePreviousReleasesWritesStillLandInTheTrail() throws SQLException {
        String schema = "before_v11_" + Long.toHexString(System.nanoTime());
        UUID plan = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        String taskState = "'{\"id\": \"" + task + "\", \"planId\": \"" + plan + "\", \"status\": \"%s\"}'";
        flyway(schema, "9").migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path = " + schema);
            // As the previous release writes, in one transaction: only the sequence orders them.
            s.execute("INSERT INTO plan_audit (id, at, actor, action, entity, entity_id, before, after) VALUES "
                    + "(gen_random_uuid(), '2026-03-01T09:00:00+08', 'admin', 'CREATE', 'Plan', '" + plan + "', NULL, '{\"title\": \"规划\"}'), "
                    + "(gen_random_uuid(), '2026-03-01T09:00:00+08', 'admin', 'CREATE', 'Task', '" + task + "', NULL, "
                    + taskState.formatted("NOT_STARTED") + ")");

            flyway(schema, "latest").migrate();

            // A pod of the previous release, still running during the rollout.
            s.execute("INSERT INTO plan_audit (id, actor, action, entity, entity_id, before, after) VALUES (gen_random_uuid(), "
                    + "'planner', 'UPDATE', 'Task', '" + task + "', " + taskState.formatted("NOT_STARTED") + ", "
                    + taskState.formatted("IN_PROGRESS") + ")");

            List<String> trail = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT entity_type, action, scope_id FROM audit_trail ORDER BY seq")) {
                while (r.next()) {
                    trail.add(r.getString(1) + " " + r.getString(2) + (plan.toString().equals(r.getString(3)) ? " in plan" : ""));
                }
            }
            assertThat(trail).containsExactly("Plan CREATE in plan", "Task CREATE in plan", "Task UPDATE in plan");
            assertThat(count(s, "SELECT count(*) FROM plan_audit WHERE entity = 'Task'")).isEqualTo(2);
            assertThatThrownBy(() -> s.execute("UPDATE audit_trail SET actor = 'someone else'")).hasMessageContaining("append-only");
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
