package gov.planning.org.keycloak;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import gov.planning.org.repository.OrganizationRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The last full walk of Keycloak's groups (V13, V15, docs/decisions/0026): the tree version it reconciled, how many groups
 * Keycloak held after it and each organization's group id. A start asks {@link #stillCurrent} before walking again and,
 * when it does not walk, takes the ids from {@link #groupIds}. Blocking: worker threads only.
 */
@ApplicationScoped
public class GroupWalks {

    private static final Logger LOG = Logger.getLogger(GroupWalks.class);

    /** A recorded walk: the organization tree's version it covered, Keycloak's group count after it, and when. */
    public record Walk(long treeVersion, int groups, OffsetDateTime walkedAt) {
    }

    @Inject
    Pool pool;

    @Inject
    OrganizationRepository organizations;

    /** The tree's version now. Read before the tree a walk reconciles, so that the walk covers at least this version. */
    public long treeVersion() {
        return organizations.treeVersion().await().indefinitely();
    }

    /**
     * Records a walk that reconciled the tree of {@code treeVersion} (or newer), after which Keycloak held {@code groups},
     * with the group ids known then by organization code (replacing the last walk's), in one transaction.
     */
    public void record(long treeVersion, int groups, Map<String, String> groupIds) {
        String[] codes = groupIds.keySet().toArray(String[]::new);
        String[] ids = Arrays.stream(codes).map(groupIds::get).toArray(String[]::new);
        pool.withTransaction(c -> c.preparedQuery("INSERT INTO keycloak_group_walk (singleton, tree_version, groups, walked_at)"
                + " VALUES (true, $1, $2, now()) ON CONFLICT (singleton) DO UPDATE SET tree_version = EXCLUDED.tree_version,"
                + " groups = EXCLUDED.groups, walked_at = EXCLUDED.walked_at").execute(Tuple.of(treeVersion, groups))
                .chain(() -> c.query("DELETE FROM keycloak_group_id").execute())
                .chain(() -> c.preparedQuery("INSERT INTO keycloak_group_id (org_code, group_id)"
                        + " SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]))").execute(Tuple.of(codes, ids))))
                .await().indefinitely();
    }

    /** The group ids the last walk recorded, by organization code. */
    public Map<String, String> groupIds() {
        Map<String, String> ids = new HashMap<>();
        pool.query("SELECT org_code, group_id FROM keycloak_group_id").execute().await().indefinitely()
                .forEach(row -> ids.put(row.getString("org_code"), row.getString("group_id")));
        return ids;
    }

    /**
     * The last walk, if Keycloak's groups still follow the tree it reconciled: no organization was written since (the
     * tree's version is the one it covered) and Keycloak holds as many groups as right after it (none created or deleted
     * by hand). Empty when either differs, no walk is recorded, or Keycloak or the database cannot tell: then walk.
     * A group renamed or moved by hand in Keycloak is not seen here; the admin's {@code reconcileKeycloakGroups} repairs it.
     */
    public Optional<Walk> stillCurrent(KeycloakAdminClient keycloak) {
        try {
            Optional<Walk> last = pool.query("SELECT tree_version, groups, walked_at FROM keycloak_group_walk").execute()
                    .await().indefinitely().stream().findFirst().map(GroupWalks::walk);
            if (last.isEmpty() || last.get().treeVersion() != treeVersion()) {
                return Optional.empty();
            }
            return keycloak.groupCount() == last.get().groups() ? last : Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot tell whether Keycloak's groups still follow the organization tree, walking them: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private static Walk walk(Row row) {
        return new Walk(row.getLong("tree_version"), row.getInteger("groups"), row.getOffsetDateTime("walked_at"));
    }
}
