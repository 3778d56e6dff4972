package gov.planning.org.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.CollectiveRule;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Organizations. Single-record reads and all writes go through Hibernate; the tree walks and batched lookups (and the
 * list, {@link OrganizationListing}) are plain SQL on the reactive pool, because each must be exactly one statement
 * whatever the size of the tree or of the batch, and HQL has neither recursive queries nor array operators. Rows read
 * that way are detached entities: never persist them.
 */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    static final String COLUMNS = "o.id, o.code, o.name, o.short_name, o.aliases, o.kind, o.level, o.region, o.parent_id,"
            + " o.valid_from, o.valid_to, o.successor_id, o.version";

    @Inject
    Pool pool;

    public Uni<Organization> findByCode(String code) {
        return find("code", code).firstResult();
    }

    /** One query for any number of ids: what a batched federation lookup needs. */
    public Uni<List<Organization>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }

    /**
     * For each id, every body it took over from, any number of reforms back (a successor's tasks include its
     * predecessors'); ids without predecessors are missing. One statement for any number of ids: it starts from the few
     * replaced bodies ({@code organization_successor_idx}).
     */
    public Uni<Map<UUID, java.util.Set<UUID>>> predecessorsTransitively(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // The depth bound only guards against a cycle of successions written around the service.
        String sql = """
                WITH RECURSIVE p(start_id, id, depth) AS (
                    SELECT o.successor_id, o.id, 1 FROM organization o WHERE o.successor_id IS NOT NULL AND o.successor_id = ANY($1)
                    UNION ALL
                    SELECT p.start_id, o.id, p.depth + 1 FROM p JOIN organization o ON o.successor_id = p.id
                    WHERE o.successor_id IS NOT NULL AND p.depth < 100
                )
                SELECT DISTINCT p.start_id, p.id FROM p""";
        return pool.preparedQuery(sql).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, java.util.Set<UUID>> lineages = new LinkedHashMap<>();
            for (Row row : rows) {
                lineages.computeIfAbsent(row.getUUID("start_id"), k -> new java.util.LinkedHashSet<>()).add(row.getUUID("id"));
            }
            return lineages;
        });
    }

    /** The chain from the root down to each organization's parent; one recursive query for all of them. */
    public Uni<Map<UUID, List<Organization>>> ancestors(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // The depth bound only guards against a cycle someone wrote around the service; moves refuse cycles.
        String sql = """
                WITH RECURSIVE t(start_id, id, depth) AS (
                    SELECT s.id, s.parent_id, 1 FROM organization s WHERE s.id = ANY($1) AND s.parent_id IS NOT NULL
                    UNION ALL
                    SELECT t.start_id, p.parent_id, t.depth + 1 FROM organization p JOIN t ON p.id = t.id
                    WHERE p.parent_id IS NOT NULL AND t.depth < 100
                )
                SELECT t.start_id, %s FROM t JOIN organization o ON o.id = t.id
                ORDER BY t.start_id, t.depth DESC""".formatted(COLUMNS);
        return pool.preparedQuery(sql).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> map(rows, "start_id"));
    }

    /** Current members of each collective by its rule (valid on {@code on}); one recursive query for all collectives. */
    public Uni<Map<UUID, List<Organization>>> members(Collection<UUID> collectiveIds, LocalDate on) {
        if (collectiveIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String sql = """
                WITH RECURSIVE r AS (
                    SELECT collective_id, under_id, member_kind, member_level FROM collective_rule WHERE collective_id = ANY($1)
                ), t(collective_id, id, depth) AS (
                    SELECT r.collective_id, c.id, 1 FROM r JOIN organization c ON c.parent_id = r.under_id
                    UNION ALL
                    SELECT t.collective_id, c.id, t.depth + 1 FROM organization c JOIN t ON c.parent_id = t.id
                )
                SELECT t.collective_id, %s FROM t JOIN r ON r.collective_id = t.collective_id JOIN organization o ON o.id = t.id
                WHERE o.kind = r.member_kind AND (r.member_level IS NULL OR o.level = r.member_level)
                  AND (o.valid_from IS NULL OR o.valid_from <= $2) AND (o.valid_to IS NULL OR o.valid_to > $2)
                ORDER BY t.collective_id, o.code""".formatted(COLUMNS);
        return pool.preparedQuery(sql).execute(Tuple.of(collectiveIds.toArray(UUID[]::new), on))
                .map(rows -> map(rows, "collective_id"));
    }

    /** Organizations that each given organization succeeded, by successor id. */
    public Uni<Map<UUID, List<Organization>>> predecessors(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT o.successor_id AS successor, " + COLUMNS
                + " FROM organization o WHERE o.successor_id = ANY($1) ORDER BY o.successor_id, o.code")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> map(rows, "successor"));
    }

    /*
     * Reads for GraphQL go straight to the pool, not through a Hibernate session: the fields of one request resolve
     * concurrently, and a shared reactive session refuses concurrent use ("Illegal pop()").
     */

    public Uni<List<Organization>> readByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : readWhere("o.id = ANY($1)", ids.toArray(UUID[]::new));
    }

    public Uni<List<Organization>> readByCodes(Collection<String> codes) {
        return codes.isEmpty() ? Uni.createFrom().item(List.of()) : readWhere("o.code = ANY($1)", codes.toArray(String[]::new));
    }

    public Uni<List<Organization>> readChildren(Collection<UUID> parentIds) {
        return parentIds.isEmpty() ? Uni.createFrom().item(List.of())
                : readWhere("o.parent_id = ANY($1)", parentIds.toArray(UUID[]::new));
    }

    public Uni<Organization> readByCode(String code) {
        return readWhere("o.code = $1", code).map(found -> found.isEmpty() ? null : found.get(0));
    }

    private Uni<List<Organization>> readWhere(String condition, Object parameter) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM organization o WHERE " + condition + " ORDER BY o.code")
                .execute(Tuple.of(parameter)).map(rows -> map(rows, null).getOrDefault(null, List.of()));
    }

    /** The tree's version (V12): any write to organization changes it. */
    public Uni<Long> treeVersion() {
        return pool.query("SELECT version FROM organization_tree_version").execute()
                .map(rows -> rows.iterator().next().getLong("version"));
    }

    /** The whole tree in code order, for the in-memory snapshot (naming/OrgDirectory). */
    public Uni<List<Organization>> all() {
        return pool.query("SELECT " + COLUMNS + " FROM organization o ORDER BY o.code").execute()
                .map(rows -> map(rows, null).getOrDefault(null, List.of()));
    }

    public Uni<List<CollectiveRule>> rules(Collection<UUID> collectiveIds) {
        String sql = "SELECT collective_id, under_id, member_kind, member_level FROM collective_rule"
                + (collectiveIds == null ? "" : " WHERE collective_id = ANY($1)");
        Uni<RowSet<Row>> rows = collectiveIds == null ? pool.query(sql).execute()
                : pool.preparedQuery(sql).execute(Tuple.of(collectiveIds.toArray(UUID[]::new)));
        return rows.map(set -> {
            List<CollectiveRule> rules = new ArrayList<>();
            for (Row row : set) {
                CollectiveRule rule = new CollectiveRule();
                rule.collectiveId = row.getUUID("collective_id");
                rule.underId = row.getUUID("under_id");
                rule.memberKind = OrgKind.valueOf(row.getString("member_kind"));
                String level = row.getString("member_level");
                rule.memberLevel = level == null ? null : AdminLevel.valueOf(level);
                rules.add(rule);
            }
            return rules;
        });
    }

    /** Groups rows by the key column (or all under null), keeping the query's order. */
    private static Map<UUID, List<Organization>> map(RowSet<Row> rows, String keyColumn) {
        Map<UUID, List<Organization>> grouped = new LinkedHashMap<>();
        if (keyColumn == null) {
            grouped.put(null, new ArrayList<>());
        }
        for (Row row : rows) {
            UUID key = keyColumn == null ? null : row.getUUID(keyColumn);
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(toOrganization(row));
        }
        return grouped;
    }

    static Organization toOrganization(Row row) {
        Organization org = new Organization();
        org.id = row.getUUID("id");
        org.code = row.getString("code");
        org.name = row.getString("name");
        org.shortName = row.getString("short_name");
        String[] aliases = row.getArrayOfStrings("aliases");
        org.aliases = aliases == null ? new String[0] : aliases;
        org.kind = OrgKind.valueOf(row.getString("kind"));
        String level = row.getString("level");
        org.level = level == null ? null : AdminLevel.valueOf(level);
        org.region = row.getString("region");
        org.parentId = row.getUUID("parent_id");
        org.validFrom = row.getLocalDate("valid_from");
        org.validTo = row.getLocalDate("valid_to");
        org.successorId = row.getUUID("successor_id");
        org.version = row.getInteger("version");
        return org;
    }
}
