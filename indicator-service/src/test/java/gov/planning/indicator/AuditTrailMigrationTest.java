package gov.planning.indicator;

import static gov.planning.testing.ScratchSchema.connect;
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
 * V6 moves the audit log into platform-common's audit_trail (docs/decisions/0009) while the previous release's pods
 * keep running: entries written before keep their order and gain their plan as scope, and what the old code still
 * writes to audit_log lands in the trail and in the indicator's history. Run on a schema of its own, migrated to V5.
 */
@QuarkusTest
class AuditTrailMigrationTest {

    @Test
    void oldEntriesKeepTheirOrderAndGainTheirPlanAndThePreviousReleasesWritesStillLandInTheHistory() throws SQLException {
        String schema = "before_v6_" + Long.toHexString(System.nanoTime());
        UUID plan = UUID.randomUUID();
        UUID indicator = UUID.randomUUID();
        flyway(schema, "5").migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path = " + schema);
            s.execute("INSERT INTO indicator (id, plan_id, name, comparator, target_value, additive, created_by) VALUES ('"
                    + indicator + "', '" + plan + "', '森林覆盖率', 'AT_LEAST', 25, false, 'admin')");
            // As the previous release writes, in the same second: only the log's own numbers order them.
            for (String action : List.of("CREATE_INDICATOR", "SET_REGIONAL_TARGETS")) {
                s.execute("INSERT INTO audit_log (actor, at, action, entity_type, entity_id, before, after) VALUES ('admin', "
                        + "'2026-03-01T09:00:00+08', '" + action + "', 'Indicator', '" + indicator + "', NULL, '{\"name\": \"森林覆盖率\"}')");
            }

            flyway(schema, "latest").migrate();

            // A pod of the previous release, still running during the rollout.
            s.execute("INSERT INTO audit_log (actor, at, action, entity_type, entity_id, before, after) VALUES ('planner', "
                    + "'2026-03-01T09:00:00+08', 'DELETE_INDICATOR', 'Indicator', '" + indicator + "', '{\"name\": \"森林覆盖率\"}', NULL)");

            List<String> trail = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT action, scope_id FROM audit_trail WHERE entity_id = '" + indicator
                    + "' ORDER BY seq")) {
                while (r.next()) {
                    trail.add(r.getString(1) + (plan.toString().equals(r.getString(2)) ? " in plan" : ""));
                }
            }
            assertThat(trail).containsExactly("CREATE_INDICATOR in plan", "SET_REGIONAL_TARGETS in plan", "DELETE_INDICATOR");
            List<String> history = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT action FROM indicator_audit WHERE indicator_id = '" + indicator
                    + "' ORDER BY at DESC, id DESC")) {
                while (r.next()) {
                    history.add(r.getString(1));
                }
            }
            assertThat(history).containsExactly("DELETE_INDICATOR", "SET_REGIONAL_TARGETS", "CREATE_INDICATOR");
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_trail")).hasMessageContaining("append-only");
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
