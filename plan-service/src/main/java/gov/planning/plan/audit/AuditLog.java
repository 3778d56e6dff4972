package gov.planning.plan.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The append-only log of plan-service's writes: who, when, what, and the JSON state before and after. One row shape
 * for both ways plan-service writes: on the Hibernate session and on a plain SQL connection (the reminders).
 */
@ApplicationScoped
public class AuditLog {

    /**
     * JSON travels as text and is cast in SQL (a string bound straight to jsonb would be stored as one JSON string, not
     * the object); an empty string stands for "no state" (a null parameter has no type). {@code %s} are the parameter
     * markers of the client that runs it: {@code ?n} for Hibernate, {@code $n} for the Vert.x SQL client.
     */
    private static final String INSERT = """
            INSERT INTO plan_audit (id, actor, action, entity, entity_id, before, after)
            VALUES (%1$s1, %1$s2, %1$s3, %1$s4, %1$s5, CAST(NULLIF(CAST(%1$s6 AS text), '') AS jsonb),
                    CAST(NULLIF(CAST(%1$s7 AS text), '') AS jsonb))""";
    private static final String ON_SESSION = INSERT.formatted("?");
    private static final String ON_CONNECTION = INSERT.formatted("$");

    /** Appends on the current Hibernate session, so the entry commits or rolls back with the write it describes. */
    public Uni<Void> append(String actor, String action, String entity, UUID entityId, String beforeJson, String afterJson) {
        Object[] row = row(actor, action, entity, entityId, beforeJson, afterJson);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(ON_SESSION);
            for (int i = 0; i < row.length; i++) {
                query.setParameter(i + 1, row[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** Appends on {@code conn}, inside the transaction that connection holds. */
    public Uni<Void> append(SqlConnection conn, String actor, String action, String entity, UUID entityId, String beforeJson,
            String afterJson) {
        return conn.preparedQuery(ON_CONNECTION).execute(Tuple.from(row(actor, action, entity, entityId, beforeJson, afterJson)))
                .replaceWithVoid();
    }

    private static Object[] row(String actor, String action, String entity, UUID entityId, String beforeJson, String afterJson) {
        return new Object[] { UUID.randomUUID(), actor, action, entity, entityId, beforeJson == null ? "" : beforeJson,
                afterJson == null ? "" : afterJson };
    }
}
