package gov.planning.plan.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.audit.AuditTrail;
import gov.planning.common.audit.HistoryEntry;
import gov.planning.common.persistence.ReadSessions;
import io.smallrye.mutiny.Uni;

/** The audit trail read back for screens: one SQL statement for all records of a request. */
@ApplicationScoped
public class AuditReads {

    @Inject
    ReadSessions sessions;

    @Inject
    AuditTrail trail;

    /** Per record of {@code entity} ("Plan", "Task", "ProgressReport"): its audited writes, newest first. */
    public Uni<Map<UUID, List<HistoryEntry>>> history(String entity, Collection<UUID> ids) {
        return trail.history(entity, ids);
    }

    /** Per record: who wrote it last. */
    public Uni<Map<UUID, String>> lastActors(String entity, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return rows("""
                SELECT DISTINCT ON (entity_id) entity_id, actor FROM audit_trail
                WHERE entity_type = :entity AND entity_id IN (:ids) ORDER BY entity_id, seq DESC""", entity, ids)
                .map(rows -> {
                    Map<UUID, String> actors = new HashMap<>();
                    rows.forEach(r -> actors.put((UUID) r[0], (String) r[1]));
                    return actors;
                });
    }

    private Uni<List<Object[]>> rows(String sql, String entity, Collection<UUID> ids) {
        return sessions.read(s -> s.createNativeQuery(sql).setParameter("entity", entity).setParameter("ids", ids).getResultList())
                .map(rows -> rows.stream().map(r -> (Object[]) r).toList());
    }
}
