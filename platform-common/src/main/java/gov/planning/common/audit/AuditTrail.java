package gov.planning.common.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every service's append-only {@code audit_trail} table (docs/decisions/0009): who, when, what, which record, and its
 * state before and after. One writer for the three ways services write (the Hibernate session, a plain SQL
 * connection, the pool for code without a transaction) and one read for history screens.
 */
@ApplicationScoped
public class AuditTrail {

    /**
     * JSON travels as text and is cast in SQL (a string bound straight to jsonb would be stored as one JSON string, not
     * the object); an empty string stands for "no state" (Hibernate gives a null parameter no type). {@code %s} are
     * the parameter markers of the client that runs it: {@code ?n} for Hibernate, {@code $n} for the Vert.x SQL client.
     */
    private static final String INSERT = """
            INSERT INTO audit_trail (id, at, actor, action, entity_type, entity_id, scope_id, before, after)
            VALUES (%1$s1, %1$s2, %1$s3, %1$s4, %1$s5, %1$s6, %1$s7, CAST(NULLIF(CAST(%1$s8 AS text), '') AS jsonb),
                    CAST(NULLIF(CAST(%1$s9 AS text), '') AS jsonb))""";
    private static final String ON_SESSION = INSERT.formatted("?");
    private static final String ON_CLIENT = INSERT.formatted("$");

    /**
     * Entries written before this trail kept id and version in their states; left out here so old and new entries
     * read alike (AuditSnapshot leaves them out of new ones).
     */
    private static final String HISTORY = """
            SELECT entity_id, at, actor, action, CAST(before - 'id' - 'version' AS text) AS before,
                   CAST(after - 'id' - 'version' AS text) AS after
            FROM audit_trail WHERE entity_type = $1 AND entity_id = ANY($2) ORDER BY entity_id, seq DESC""";

    @Inject
    Clock clock;

    /** Not every module that uses this library has a database; the pool is looked up when a read needs it. */
    @Inject
    Instance<Pool> pool;

    /** Appends on the current Hibernate Reactive session, so the entry commits or rolls back with the write. */
    public Uni<Void> append(AuditEvent event) {
        Object[] row = row(event);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(ON_SESSION);
            for (int i = 0; i < row.length; i++) {
                query.setParameter(i + 1, row[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /**
     * Appends on {@code client}: a connection inside the transaction it holds (plan-service's reminders), or the pool
     * for writes that have no transaction to share (org-service's staff accounts, which live in Keycloak).
     */
    public Uni<Void> append(SqlClient client, AuditEvent event) {
        return client.preparedQuery(ON_CLIENT).execute(Tuple.from(row(event))).replaceWithVoid();
    }

    /** Per record of {@code entityType}: its audited writes, newest first; one statement for all of them. */
    public Uni<Map<UUID, List<HistoryEntry>>> history(String entityType, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return history(pool.get(), entityType, ids);
    }

    /** As {@link #history(String, Collection)}, on {@code client}. */
    public static Uni<Map<UUID, List<HistoryEntry>>> history(SqlClient client, String entityType, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery(HISTORY).execute(Tuple.of(entityType, ids.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, List<HistoryEntry>> byRecord = new HashMap<>();
            for (Row row : rows) {
                byRecord.computeIfAbsent(row.getUUID("entity_id"), id -> new ArrayList<>())
                        .add(HistoryEntry.of(row.getOffsetDateTime("at"), row.getString("actor"), row.getString("action"),
                                row.getString("before"), row.getString("after")));
            }
            return byRecord;
        });
    }

    private Object[] row(AuditEvent e) {
        return new Object[] { UUID.randomUUID(), OffsetDateTime.now(clock), e.actor(), e.action(), e.entityType(), e.entityId(),
                e.scopeId(), e.before() == null ? "" : e.before().json(), e.after() == null ? "" : e.after().json() };
    }
}
