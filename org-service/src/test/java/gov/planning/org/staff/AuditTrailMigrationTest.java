package gov.planning.org.staff;

import static gov.planning.testing.ScratchSchema.connect;
import static gov.planning.testing.ScratchSchema.flyway;
import static org.assertj.core.api.Assertions.assertThat;

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
 * V11 moves organization_audit and staff_audit into platform-common's audit_trail (docs/decisions/0009) while the
 * previous release's pods keep running: entries keep their order, an organization's and its staff's entries carry it
 * as scope, a staff account's entries (old, forwarded, new) share one id, and what the old code still writes to either
 * table lands in the trail. Run on a schema of its own, migrated to V10.
 */
@QuarkusTest
class AuditTrailMigrationTest {

    @Test
    void organizationAndStaffEntriesMoveInOrderUnderTheirOrganizationAndThePreviousReleasesWritesStillLandInTheTrail()
            throws SQLException {
        String schema = "before_v11_" + Long.toHexString(System.nanoTime());
        UUID org = UUID.randomUUID();
        flyway(schema, "10").migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path = " + schema);
            s.execute("INSERT INTO organization (id, code, name, kind) VALUES ('" + org + "', 'zjt', '住建厅', 'DEPARTMENT')");
            s.execute("INSERT INTO organization_audit (id, at, actor, action, organization_id, before, after) VALUES (gen_random_uuid(), "
                    + "'2026-03-01T09:00:00+08', 'admin', 'CREATE', '" + org + "', NULL, '{\"name\": \"住建厅\"}')");
            s.execute("INSERT INTO staff_audit (id, at, actor, action, organization_id, username, before, after) VALUES "
                    + "(gen_random_uuid(), '2026-03-01T09:01:00+08', 'chief', 'CREATE', '" + org + "', 'wang.xm', '{}', "
                    + "'{\"username\": \"wang.xm\", \"roles\": [\"reporter\"]}'), "
                    + "(gen_random_uuid(), '2026-03-01T09:02:00+08', 'directory', 'JOIN', '" + org + "', 'zhou', '{}', '{}')");

            flyway(schema, "latest").migrate();

            // Pods of the previous release, still running during the rollout.
            s.execute("INSERT INTO organization_audit (id, actor, action, organization_id, before, after) VALUES (gen_random_uuid(), "
                    + "'admin', 'UPDATE', '" + org + "', '{\"name\": \"住建厅\"}', '{\"name\": \"住房和城乡建设厅\"}')");
            s.execute("INSERT INTO staff_audit (id, actor, action, organization_id, username, before, after) VALUES (gen_random_uuid(), "
                    + "'chief', 'DISABLE', '" + org + "', 'wang.xm', '{\"enabled\": true}', '{\"username\": \"wang.xm\", \"enabled\": false}')");

            List<String> trail = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT entity_type, action, entity_id, scope_id, after ->> 'username' FROM audit_trail ORDER BY seq")) {
                while (r.next()) {
                    String entity = r.getString(3);
                    String who = entity.equals(org.toString()) ? "zjt"
                            : entity.equals(StaffAudit.accountId("wang.xm").toString()) ? "wang.xm"
                            : entity.equals(StaffAudit.accountId("zhou").toString()) ? "zhou" : entity;
                    trail.add(r.getString(1) + " " + r.getString(2) + " " + who + (org.toString().equals(r.getString(4)) ? " in zjt" : "")
                            + (r.getString(5) == null ? "" : " named " + r.getString(5)));
                }
            }
            assertThat(trail).containsExactly(
                    "Organization CREATE zjt in zjt",
                    "StaffAccount CREATE wang.xm in zjt named wang.xm",
                    "StaffAccount JOIN zhou in zjt named zhou",
                    "Organization UPDATE zjt in zjt",
                    "StaffAccount DISABLE wang.xm in zjt named wang.xm");
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
