package gov.planning.org.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.audit.HistoryEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The organization audit log: append-only, newest first when read. */
@ApplicationScoped
public class AuditLogRepository {

    public record Entry(UUID id, OffsetDateTime at, String actor, String action, UUID organizationId, String before,
            String after) {
    }

    @Inject
    Pool pool;

    /**
     * Appends an entry on the current Hibernate session, so it commits or rolls back with the change it describes.
     * JSON travels as text and is cast in SQL: the pool would otherwise encode a Java string as a JSON string
     * literal. An empty string stands for "no state" (before a create), since a null parameter has no type.
     */
    public Uni<Void> append(String actor, String action, UUID organizationId, String beforeJson, String afterJson) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO organization_audit (id, actor, action, organization_id, before, after)
                VALUES (:id, :actor, :action, :org, CAST(NULLIF(CAST(:before AS text), '') AS jsonb),
                        CAST(NULLIF(CAST(:after AS text), '') AS jsonb))""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("actor", actor)
                .setParameter("action", action)
                .setParameter("org", organizationId)
                .setParameter("before", beforeJson == null ? "" : beforeJson)
                .setParameter("after", afterJson == null ? "" : afterJson)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Entries for one organization, or for all when {@code organizationId} is null; newest first. */
    public Uni<List<Entry>> page(UUID organizationId, int offset, int limit) {
        return pool.preparedQuery("""
                SELECT id, at, actor, action, organization_id, before::text AS before, after::text AS after
                FROM organization_audit WHERE ($1::uuid IS NULL OR organization_id = $1)
                ORDER BY seq DESC OFFSET $2 LIMIT $3""")
                .execute(Tuple.of(organizationId, offset, limit))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new Entry(row.getUUID("id"), row.getOffsetDateTime("at"), row.getString("actor"),
                                row.getString("action"), row.getUUID("organization_id"), row.getString("before"),
                                row.getString("after")));
                    }
                    return entries;
                });
    }

    /**
     * Every entry of each organization, newest first, as the history screens show it; one query for all of them.
     * The id and the optimistic version are left out of the states: nobody changes the one, and the other changes
     * with every write.
     */
    public Uni<Map<UUID, List<HistoryEntry>>> history(Collection<UUID> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                SELECT organization_id, at, actor, action, (before - 'id' - 'version')::text AS before,
                       (after - 'id' - 'version')::text AS after
                FROM organization_audit WHERE organization_id = ANY($1)
                ORDER BY organization_id, seq DESC""")
                .execute(Tuple.of(organizationIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, List<HistoryEntry>> byOrganization = new HashMap<>();
                    for (Row row : rows) {
                        byOrganization.computeIfAbsent(row.getUUID("organization_id"), id -> new ArrayList<>())
                                .add(HistoryEntry.of(row.getOffsetDateTime("at"), row.getString("actor"), row.getString("action"),
                                        row.getString("before"), row.getString("after")));
                    }
                    return byOrganization;
                });
    }

    public Uni<Long> count(UUID organizationId) {
        return pool.preparedQuery("SELECT count(*) FROM organization_audit WHERE ($1::uuid IS NULL OR organization_id = $1)")
                .execute(Tuple.of(organizationId)).map(rows -> rows.iterator().next().getLong(0));
    }
}
