package gov.planning.org.keycloak;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import gov.planning.org.naming.OrgDirectory;
import gov.planning.org.naming.OrgTree;
import gov.planning.org.service.OrganizationChanged;
import gov.planning.org.staff.ReformMoves;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Keeps Keycloak's groups in step with the organization tree: after every committed organization write, and once
 * at start to repair drift. Changes that arrive while a reconciliation runs are folded into one more run, so a
 * reference-data load of hundreds of organizations costs two runs, not hundreds. Keycloak being down never fails a
 * write: the next change, restart or the admin's {@code reconcileKeycloakGroups} catches up.
 */
@ApplicationScoped
public class GroupSync {

    private static final Logger LOG = Logger.getLogger(GroupSync.class);

    @ConfigProperty(name = "planning.keycloak.sync-enabled")
    boolean enabled;

    @Inject
    KeycloakAdminClient keycloak;

    /** Where "today" is for the organizations in force (their names place brokered users). */
    @Inject
    Clock clock;

    @Inject
    OrgDirectory directory;

    @Inject
    ReformMoves reformMoves;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        if (!keycloak.configured()) {
            LOG.warn("Keycloak group sync is on but planning.keycloak.client-secret (PLANNING_SERVICES_CLIENT_SECRET) is empty: groups will not follow the tree");
            return;
        }
        requestRun();
    }

    void onChange(@ObservesAsync OrganizationChanged change) {
        if (enabled && keycloak.configured()) {
            requestRun();
        }
    }

    /** Runs now on the calling (worker) thread; for the admin mutation, which wants the figures. */
    public synchronized GroupReconciliation reconcileNow() {
        OrgTree tree = directory.snapshot().await().indefinitely().tree();
        GroupReconciliation result = GroupReconciler.reconcile(tree, keycloak);
        if (result.created() + result.updated() + result.moved() + result.deleted() > 0) {
            LOG.infof("Keycloak groups reconciled: %s", result);
        }
        reconcileBrokerMappers(tree);
        moveStaffOfReplaced(tree);
        return result;
    }

    /** After the groups, so the successor's group exists; apart from them, like the mappers. */
    private void moveStaffOfReplaced(OrgTree tree) {
        try {
            int moved = reformMoves.run(tree);
            if (moved > 0) {
                LOG.infof("Staff of replaced organizations moved to their successors: %d", moved);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Staff of replaced organizations not moved (will retry on the next change): %s", e.getMessage());
        }
    }

    /**
     * After the groups, since the mappers name group paths. Apart from the groups: a realm imported before brokering
     * came lacks the service account's identity-provider roles, which must not stop the groups from following.
     */
    private void reconcileBrokerMappers(OrgTree tree) {
        try {
            BrokerMapperReconciler.Result mappers = BrokerMapperReconciler.reconcile(tree, keycloak, LocalDate.now(clock));
            if (mappers.created() + mappers.updated() + mappers.deleted() > 0) {
                LOG.infof("Identity provider mappers reconciled: %s", mappers);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Identity provider mappers not reconciled (brokered users are not placed in their organization's group): %s",
                    e.getMessage());
        }
    }

    private void requestRun() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                try {
                    reconcileNow();
                } catch (RuntimeException e) {
                    LOG.warnf("Keycloak group sync failed, will retry on the next change or reconcile: %s", e.getMessage());
                }
            }
        } finally {
            running.set(false);
            // A change that arrived between the last check and the release starts a new run.
            if (again.get() && running.compareAndSet(false, true)) {
                Infrastructure.getDefaultWorkerPool().execute(this::drain);
            }
        }
    }
}
