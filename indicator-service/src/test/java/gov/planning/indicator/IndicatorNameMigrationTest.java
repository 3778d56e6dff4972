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
 * V5 makes an indicator name unique per plan. Duplicates stored before (races the database did not stop yet) keep
 * their data: all but the oldest are renamed "…（重复N）" with an audit entry. Run on a schema of its own, migrated to V4,
 * given duplicates as the old code could store them, then migrated to the end.
 */
@QuarkusTest
class IndicatorNameMigrationTest {

    private static String insert(UUID plan, String name, String createdAt) {
        return "INSERT INTO indicator (id, plan_id, name, comparator, target_value, created_by, created_at) VALUES ('"
                + UUID.randomUUID() + "', '" + plan + "', '" + name + "', 'AT_LEAST', 65, 'admin', TIMESTAMPTZ '" + createdAt + "')";
    }

    @Test
    void duplicatesStoredBeforeV5AreRenamedOldestKeptWithAnAuditEntryAndNoNewDuplicateCanBeStored() throws SQLException {
        String schema = "before_v5_" + Long.toHexString(System.nanoTime());
        UUID plan = UUID.randomUUID();
        UUID otherPlan = UUID.randomUUID();
        flyway(schema, "4").migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path = " + schema);
            s.execute(insert(plan, "城镇化率", "2025-01-01 10:00:02+08"));
            s.execute(insert(plan, "城镇化率", "2025-01-01 10:00:00+08"));
            s.execute(insert(plan, "城镇化率", "2025-01-01 10:00:01+08"));
            s.execute(insert(otherPlan, "城镇化率", "2025-01-01 10:00:03+08"));

            flyway(schema, "latest").migrate();

            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name FROM indicator WHERE plan_id = '" + plan + "' ORDER BY created_at")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            assertThat(names).containsExactly("城镇化率", "城镇化率（重复1）", "城镇化率（重复2）");
            try (ResultSet r = s.executeQuery("SELECT name FROM indicator WHERE plan_id = '" + otherPlan + "'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).as("the same name in another plan").isEqualTo("城镇化率");
            }
            try (ResultSet r = s.executeQuery("SELECT count(*), min(before ->> 'name'), min(actor) FROM indicator_audit "
                    + "WHERE action = 'RENAME_DUPLICATE'")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(2);
                assertThat(r.getString(2)).isEqualTo("城镇化率");
                assertThat(r.getString(3)).isEqualTo("system");
            }
            assertThatThrownBy(() -> s.execute(insert(plan, "城镇化率", "2025-02-01 00:00:00+08")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("indicator_name_once_per_plan");
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
