package gov.planning.org.staff;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import gov.planning.org.keycloak.KeycloakAdminClient;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The accounts waiting for an organization (待分配), kept in org-service's own table {@code pending_account}: Keycloak
 * cannot list the users in no group, and asking it about every user of the realm on each request grows with the realm.
 * Sign-ins add accounts within seconds ({@code DirectoryPlacer}); a rescan of the realm every
 * {@code planning.staff.pending-rescan-every} (one read per user, in the background) catches accounts made without a
 * recorded sign-in (login events off, an account created in Keycloak's console). Blocking: worker threads only.
 */
@ApplicationScoped
public class PendingAccounts {

    private static final Logger LOG = Logger.getLogger(PendingAccounts.class);

    /** A row of the table: the Keycloak user id and the user name when it was seen. */
    public record Waiting(String userId, String username) {
    }

    @Inject
    Pool pool;

    @Inject
    StaffDirectory directory;

    @Inject
    KeycloakAdminClient keycloak;

    @ConfigProperty(name = "planning.keycloak.sync-enabled")
    boolean enabled;

    public List<Waiting> all() {
        List<Waiting> waiting = new ArrayList<>();
        for (Row row : pool.query("SELECT user_id, username FROM pending_account ORDER BY username").execute().await().indefinitely()) {
            waiting.add(new Waiting(row.getString("user_id"), row.getString("username")));
        }
        return waiting;
    }

    public void record(String userId, String username) {
        pool.preparedQuery("""
                INSERT INTO pending_account (user_id, username) VALUES ($1, $2)
                ON CONFLICT (user_id) DO UPDATE SET username = EXCLUDED.username, seen_at = now()""")
                .execute(Tuple.of(userId, username)).await().indefinitely();
    }

    public void forget(String userId) {
        pool.preparedQuery("DELETE FROM pending_account WHERE user_id = $1").execute(Tuple.of(userId)).await().indefinitely();
    }

    @Scheduled(every = "${planning.staff.pending-rescan-every:10m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRescan() {
        if (!enabled || !keycloak.configured()) {
            return;
        }
        try {
            rescan();
        } catch (RuntimeException e) {
            LOG.warnf("Accounts waiting for an organization not rescanned (will retry): %s", e.getMessage());
        }
    }

    /**
     * Reads every account of the realm and makes the table hold those in no group: adds the missing, drops the ones
     * that joined a group or went since, except rows a sign-in recorded while the scan ran.
     */
    public void rescan() {
        OffsetDateTime started = pool.query("SELECT now() AS t").execute().await().indefinitely().iterator().next().getOffsetDateTime("t");
        List<StaffDirectory.Pending> found = directory.pending();
        for (StaffDirectory.Pending pending : found) {
            record(pending.account().id(), pending.account().username());
        }
        String[] ids = found.stream().map(p -> p.account().id()).toArray(String[]::new);
        pool.preparedQuery("DELETE FROM pending_account WHERE seen_at < $1 AND NOT (user_id = ANY ($2))")
                .execute(Tuple.of(started, ids)).await().indefinitely();
    }
}
