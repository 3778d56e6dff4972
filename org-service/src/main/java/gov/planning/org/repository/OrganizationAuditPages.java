package gov.planning.org.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Organizations' entries of the audit trail, page by page for the admins' audit screen; newest first. */
@ApplicationScoped
public class OrganizationAuditPages {

    public record Entry(UUID id, OffsetDateTime at, String actor, String action, UUID organizationId, String before,
            String after) {
    }

    @Inject
    Pool pool;

    /** Entries for one organization, or for all when {@code organizationId} is null; newest first. */
    public Uni<List<Entry>> page(UUID organizationId, int offset, int limit) {
        return pool.preparedQuery("""
                SELECT id, at, actor, action, entity_id, before::text AS before, after::text AS after
                FROM audit_trail WHERE entity_type = 'Organization' AND ($1::uuid IS NULL OR entity_id = $1)
                ORDER BY seq DESC OFFSET $2 LIMIT $3""")
                .execute(Tuple.of(organizationId, offset, limit))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new Entry(row.getUUID("id"), row.getOffsetDateTime("at"), row.getString("actor"),
                                row.getString("action"), row.getUUID("entity_id"), row.getString("before"),
                                row.getString("after")));
                    }
                    return entries;
                });
    }

    public Uni<Long> count(UUID organizationId) {
        return pool.preparedQuery("""
                SELECT count(*) FROM audit_trail WHERE entity_type = 'Organization' AND ($1::uuid IS NULL OR entity_id = $1)""")
                .execute(Tuple.of(organizationId)).map(rows -> rows.iterator().next().getLong(0));
    }
}
