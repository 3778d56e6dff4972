package gov.planning.indicator.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Appends to the audit log through the caller's session, so an entry commits or rolls back together with the write
 * it records. Written as native SQL because the log is never read back as entities and its JSON columns are jsonb.
 * The JSON travels as text and is cast in SQL: bound directly, the pool would store a Java string as a JSON string.
 */
@ApplicationScoped
public class AuditLog {

    public Uni<Void> append(String actor, Instant at, String action, String entityType, UUID entityId, JsonValue before,
            JsonValue after) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into audit_log (actor, at, action, entity_type, entity_id, before, after) "
                        + "values (:actor, :at, :action, :type, :entity, cast(cast(:before as text) as jsonb), "
                        + "cast(cast(:after as text) as jsonb))")
                .setParameter("actor", actor)
                .setParameter("at", at)
                .setParameter("action", action)
                .setParameter("type", entityType)
                .setParameter("entity", entityId)
                .setParameter("before", before == null ? null : before.toString())
                .setParameter("after", after == null ? null : after.toString())
                .executeUpdate())
                .replaceWithVoid();
    }
}
