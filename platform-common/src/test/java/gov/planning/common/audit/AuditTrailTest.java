package gov.planning.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/** The audit trail's writer and history read against a real PostgreSQL holding the table every service creates. */
class AuditTrailTest {

    private static final Instant NOW = Instant.parse("2026-03-01T01:30:00Z");
    private static EmbeddedPostgres postgres;
    private static Vertx vertx;
    private static Pool pool;
    private static AuditTrail trail;

    @BeforeAll
    static void start() throws Exception {
        // pg_stat_statements counts the statements a history read costs.
        postgres = EmbeddedPostgres.builder().setPort(0).setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
        try (Connection c = jdbc(); Statement s = c.createStatement();
                InputStream ddl = AuditTrailTest.class.getResourceAsStream("audit-trail.sql")) {
            s.execute("CREATE EXTENSION pg_stat_statements");
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
        vertx = Vertx.vertx();
        pool = PgPool.pool(vertx, new PgConnectOptions().setHost("localhost").setPort(postgres.getPort()).setDatabase("postgres")
                .setUser("postgres").setPassword("postgres"),
                new PoolOptions().setMaxSize(2));
        trail = new AuditTrail();
        trail.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @AfterAll
    static void stop() throws IOException {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        postgres.close();
    }

    @Test
    void historyListsEachRecordsWritesNewestFirstWithTheChangedFieldsFromTheClocksTime() {
        UUID org = UUID.randomUUID();
        AuditSnapshot created = AuditSnapshot.of("Organization", org).put("name", "旅游局").put("version", 0);
        AuditSnapshot renamed = AuditSnapshot.of("Organization", org).put("name", "文化和旅游局").put("version", 1);
        trail.append(pool, AuditEvent.of("admin", "CREATE", org, null, created)).await().indefinitely();
        trail.append(pool, AuditEvent.of("planner", "UPDATE", org, created, renamed)).await().indefinitely();

        List<HistoryEntry> history = AuditTrail.history(pool, "Organization", List.of(org)).await().indefinitely().get(org);

        assertThat(history).extracting(HistoryEntry::action).containsExactly("UPDATE", "CREATE");
        assertThat(history.get(0).actor()).isEqualTo("planner");
        assertThat(history.get(0).changes()).containsExactly(new FieldChange("name", "旅游局", "文化和旅游局"));
        assertThat(history.get(1).changes()).containsExactly(new FieldChange("name", null, "旅游局"));
        assertThat(history.get(0).at().toInstant()).isEqualTo(NOW);
    }

    @Test
    void theHistoryOfManyRecordsIsOneStatementAndOtherTypesWithTheSameIdStayOut() throws SQLException {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : ids) {
            trail.append(pool, AuditEvent.of("admin", "CREATE", null, null, AuditSnapshot.of("Task", id).put("title", "任务")))
                    .await().indefinitely();
            trail.append(pool, AuditEvent.of("admin", "SUBMIT", null, null, AuditSnapshot.of("ProgressReport", id).put("percent", 5)))
                    .await().indefinitely();
        }
        AuditTrail.history(pool, "Task", ids).await().indefinitely();

        sql("SELECT pg_stat_statements_reset()");
        Map<UUID, List<HistoryEntry>> history = AuditTrail.history(pool, "Task", ids).await().indefinitely();

        assertThat(history.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(history.values()).allSatisfy(entries -> assertThat(entries).extracting(HistoryEntry::action).containsExactly("CREATE"));
        assertThat(sql("SELECT sum(calls) FROM pg_stat_statements WHERE query LIKE '%FROM audit_trail%'")).isEqualTo("1");
    }

    @Test
    void anEntryWrittenOnAConnectionRollsBackWithItsTransaction() {
        UUID task = UUID.randomUUID();
        pool.withTransaction(conn -> trail.append(conn, AuditEvent.of("system", "REMIND", null, null,
                AuditSnapshot.of("Task", task).put("sent", true)))
                .chain(() -> conn.query("SELECT 1/0").execute()))
                .onFailure().recoverWithNull().await().indefinitely();

        assertThat(AuditTrail.history(pool, "Task", List.of(task)).await().indefinitely()).isEmpty();
    }

    @Test
    void entriesWrittenBeforeTheTrailShowNeitherTheirIdNorTheirVersionAndCannotBeChanged() throws SQLException {
        UUID plan = UUID.randomUUID();
        sql("INSERT INTO audit_trail (actor, action, entity_type, entity_id, before, after) VALUES ('admin', 'UPDATE', 'Plan', '"
                + plan + "', '{\"id\": \"" + plan + "\", \"version\": 1, \"title\": \"旧\"}', '{\"id\": \"" + plan
                + "\", \"version\": 2, \"title\": \"新\"}') RETURNING 'written'");

        assertThat(AuditTrail.history(pool, "Plan", List.of(plan)).await().indefinitely().get(plan).get(0).changes())
                .containsExactly(new FieldChange("title", "旧", "新"));
        assertThatThrownBy(() -> sql("UPDATE audit_trail SET actor = 'someone else' RETURNING actor"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM audit_trail RETURNING actor")).hasMessageContaining("append-only");
    }

    private static Connection jdbc() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    private static String sql(String query) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
