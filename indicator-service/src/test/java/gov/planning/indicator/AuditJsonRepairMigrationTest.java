package gov.planning.indicator;

import static gov.planning.testing.ScratchSchema.connect;
import static gov.planning.testing.ScratchSchema.flyway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Before V4 the audit log stored each before/after JSON as a JSON string holding the object's text. V4 turns those
 * back into objects, so the history of indicators written before the upgrade reads like any other. Run on a schema of
 * its own, migrated to V2, given a row as the old code wrote it, then migrated to the end.
 */
@QuarkusTest
class AuditJsonRepairMigrationTest {

    @Test
    void auditEntriesWrittenBeforeV4AsJsonStringsBecomeObjectsAndTheLogStaysAppendOnly() throws SQLException {
        String schema = "before_v4_" + Long.toHexString(System.nanoTime());
        UUID indicator = UUID.randomUUID();
        String after = "{\"id\":\"" + indicator + "\",\"name\":\"常住人口城镇化率\",\"targetValue\":65.0}";
        flyway(schema, "2").migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path = " + schema);
            s.execute("INSERT INTO audit_log (actor, at, action, entity_type, entity_id, before, after) VALUES ('admin', now(), "
                    + "'CREATE_INDICATOR', 'Indicator', '" + indicator + "', NULL, to_jsonb(CAST('" + after + "' AS text)))");

            flyway(schema, "latest").migrate();

            try (ResultSet r = s.executeQuery("SELECT jsonb_typeof(after), after ->> 'name', action FROM indicator_audit "
                    + "WHERE indicator_id = '" + indicator + "'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("object");
                assertThat(r.getString(2)).isEqualTo("常住人口城镇化率");
                assertThat(r.getString(3)).isEqualTo("CREATE_INDICATOR");
            }
            assertThatThrownBy(() -> s.execute("UPDATE audit_log SET actor = 'someone else'")).hasMessageContaining("append-only");
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
