package gov.planning.org.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * One directory-placement pass at a time across org-service replicas: they share the orgs database, so a transaction
 * advisory lock there decides. A replica that finds it taken skips its pass; the next one (5 s later) sees the accounts
 * the other placed already in a group and leaves them alone, so a user is placed, logged and audited once. The lock
 * ends with the transaction, also when the replica dies (its connection closes). Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class PlacementLock {

    // Any constant both replicas agree on; the text names what it guards in pg_locks.
    private static final String KEY = "SELECT pg_try_advisory_xact_lock(hashtext('org-service:directory-placement'))";

    @Inject
    Pool pool;

    /** Runs {@code pass} if no other replica runs one; answers whether it ran. */
    public boolean runExclusively(Runnable pass) {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction transaction = connection.begin().await().indefinitely();
            try {
                boolean mine = connection.query(KEY).execute().await().indefinitely().iterator().next().getBoolean(0);
                if (mine) {
                    pass.run();
                }
                return mine;
            } finally {
                // Nothing was written here: ending the transaction only releases the lock.
                transaction.rollback().await().indefinitely();
            }
        } finally {
            connection.close().await().indefinitely();
        }
    }
}
