package gov.planning.plan.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The append-only log of plan-service's writes: who, when, what, and the JSON state before and after. */
@ApplicationScoped
public class AuditLog {

    /**
     * Appends on the current Hibernate session, so the entry commits or rolls back with the write it describes.
     * JSON travels as text and is cast in SQL; an empty string stands for "no state" (a null parameter has no type).
     */
    public Uni<Void> append(String actor, String action, String entity, UUID entityId, String beforeJson, String afterJson) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO plan_audit (id, actor, action, entity, entity_id, before, after)
                VALUES (:id, :actor, :action, :entity, :entityId, CAST(NULLIF(CAST(:before AS text), '') AS jsonb),
                        CAST(NULLIF(CAST(:after AS text), '') AS jsonb))""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("actor", actor)
                .setParameter("action", action)
                .setParameter("entity", entity)
                .setParameter("entityId", entityId)
                .setParameter("before", beforeJson == null ? "" : beforeJson)
                .setParameter("after", afterJson == null ? "" : afterJson)
                .executeUpdate())
                .replaceWithVoid();
    }
}
