package gov.planning.plan.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import gov.planning.common.audit.HistoryEntry;
import io.smallrye.mutiny.Uni;

/** The audit log read back: the history of records for screens, one SQL statement for all records of a request. */
@ApplicationScoped
public class AuditReads {

    @Inject
    Mutiny.SessionFactory sessions;

    /** Per record of {@code entity} ("Plan", "Task", "ProgressReport"): its audited writes, newest first. */
    public Uni<Map<UUID, List<HistoryEntry>>> history(String entity, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return rows("""
                SELECT entity_id, at, actor, action, CAST(before AS text), CAST(after AS text) FROM plan_audit
                WHERE entity = :entity AND entity_id IN (:ids) ORDER BY seq DESC""", entity, ids)
                .map(rows -> rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0],
                        Collectors.mapping(r -> HistoryEntry.of(at(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5]),
                                Collectors.toList()))));
    }

    /** Per record: who wrote it last. */
    public Uni<Map<UUID, String>> lastActors(String entity, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return rows("""
                SELECT DISTINCT ON (entity_id) entity_id, actor FROM plan_audit
                WHERE entity = :entity AND entity_id IN (:ids) ORDER BY entity_id, seq DESC""", entity, ids)
                .map(rows -> {
                    Map<UUID, String> actors = new HashMap<>();
                    rows.forEach(r -> actors.put((UUID) r[0], (String) r[1]));
                    return actors;
                });
    }

    private Uni<List<Object[]>> rows(String sql, String entity, Collection<UUID> ids) {
        return sessions.openSession().chain(s -> s.createNativeQuery(sql).setParameter("entity", entity)
                .setParameter("ids", ids).getResultList().eventually(s::close))
                .map(rows -> rows.stream().map(r -> (Object[]) r).toList());
    }

    private static OffsetDateTime at(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("plan_audit.at read as " + value.getClass().getSimpleName());
    }
}
