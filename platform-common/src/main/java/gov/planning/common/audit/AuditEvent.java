package gov.planning.common.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * One audited write: who did what to which record, in which scope, and the record's state before and after (null:
 * none, before a creation or after a deletion).
 *
 * @param scopeId what department-scoped history screens filter on: the organization for organization and staff
 *        entries, the plan for plan-owned records; null where nothing narrower than the service applies
 */
public record AuditEvent(String actor, String action, String entityType, UUID entityId, UUID scopeId, AuditSnapshot before,
        AuditSnapshot after) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
    }

    /**
     * The write of the record the states describe, its scope left to the service's table (plan-service derives it
     * from the record in SQL, so entries written on any path, by either release, carry it).
     */
    public static AuditEvent of(String actor, String action, AuditSnapshot before, AuditSnapshot after) {
        return of(actor, action, null, before, after);
    }

    /** The write of the record both states describe (at least one of them given). */
    public static AuditEvent of(String actor, String action, UUID scopeId, AuditSnapshot before, AuditSnapshot after) {
        AuditSnapshot state = after != null ? after : Objects.requireNonNull(before, "before or after");
        return new AuditEvent(actor, action, state.entityType(), state.entityId(), scopeId, before, after);
    }
}
