package gov.planning.org.keycloak;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import gov.planning.org.naming.OrgDirectory;
import gov.planning.org.naming.OrgTree;
import gov.planning.org.staff.PendingAccounts;
import gov.planning.org.staff.StaffAudit;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs {@link DirectoryPlacement} on the sign-ins Keycloak recorded since the last run (realm login events, which
 * {@code ./platform up} turns on with PLATFORM_LDAP=on), every few seconds: a directory user's first sign-in answers a
 * token without organization (待分配), and their next token, a few seconds later, carries it. Looks back a day at
 * start, so sign-ins while org-service was down are placed too (placing is idempotent: an account in a group is
 * skipped). An account that signed in and is still in no group is recorded as waiting ({@link PendingAccounts}).
 */
@ApplicationScoped
public class DirectoryPlacer {

    private static final Logger LOG = Logger.getLogger(DirectoryPlacer.class);
    static final String ACTOR = "政务目录";

    @ConfigProperty(name = "planning.keycloak.sync-enabled")
    boolean enabled;

    @Inject
    KeycloakAdminClient keycloak;

    @Inject
    OrgDirectory directory;

    @Inject
    StaffAudit audit;

    @Inject
    Clock clock;

    @Inject
    PlacementLock lock;

    @Inject
    PendingAccounts pendingAccounts;

    private long since = -1;
    private boolean warned;

    @Scheduled(every = "${planning.directory.placement-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!enabled || !keycloak.configured()) {
            return;
        }
        long now = clock.millis();
        if (since < 0) {
            since = now - Duration.ofDays(1).toMillis();
        }
        try {
            // Another replica's pass may be placing the same sign-ins: then this one waits for the next tick.
            lock.runExclusively(this::pass);
            warned = false;
        } catch (RuntimeException e) {
            if (!warned) {
                LOG.warnf("Directory users not placed (will retry): %s", e.getMessage());
                warned = true;
            }
        }
    }

    private void pass() {
        List<DirectoryUsers.Login> logins = keycloak.loginsSince(since);
        if (logins.isEmpty()) {
            return;
        }
        OrgTree tree = directory.snapshot().await().indefinitely().tree();
        for (DirectoryPlacement.Placed placed : DirectoryPlacement.place(logins, keycloak, tree, LocalDate.now(clock),
                account -> pendingAccounts.record(account.id(), account.username()))) {
            LOG.infof("Directory user %s placed in %s", placed.username(), placed.orgCode());
            audit.append(ACTOR, "JOIN", tree.byCode(placed.orgCode()).id(), placed.username(), null, null);
        }
        // Inclusive: the last event's millisecond is read again next time, so none landing in it is missed.
        since = logins.get(logins.size() - 1).time();
    }
}
