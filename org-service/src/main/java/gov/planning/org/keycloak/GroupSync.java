package gov.planning.org.keycloak;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Keeps Keycloak's groups in step with the organization tree: after every committed organization write (the written
 * organizations' groups only), and in full at start to repair drift, unless the last full walk's tree and group count
 * still hold ({@link GroupWalks}, docs/decisions/0026). Changes that arrive while a reconciliation
 * runs are folded into one more run; more than {@link #FULL_RUN_ABOVE} at once (a reference-data load) make it a full
 * one. Keycloak being down never fails a write: the next change (then in full), restart or the admin's
 * {@code reconcileKeycloakGroups} catches up.
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

    @Inject
    GroupWalks walks;

    /**
     * Above this many written organizations a run walks every group instead: the walk costs a request per group with
     * children (~1,300 at a province's 20,249 groups), a written organization two searches and its write.
     */
    static final int FULL_RUN_ABOVE = 200;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** The next run walks every group: at start, after a failed run, after a burst of writes. */
    private final AtomicBoolean full = new AtomicBoolean();
    /** The next run is a start's: it walks only when the last walk no longer holds. */
    private final AtomicBoolean starting = new AtomicBoolean();
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        if (!keycloak.configured()) {
            LOG.warn("Keycloak group sync is on but planning.keycloak.client-secret (PLANNING_SERVICES_CLIENT_SECRET) is empty: groups will not follow the tree");
            return;
        }
        full.set(true);
        starting.set(true);
        requestRun();
    }

    void onChange(@ObservesAsync OrganizationChanged change) {
        if (enabled && keycloak.configured()) {
            written.add(change.code());
            requestRun();
        }
    }

    /** Walks every group now on the calling (worker) thread; for the admin mutation, which wants the figures. */
    public synchronized GroupReconciliation reconcileNow() {
        long treeVersion = walks.treeVersion();
        OrgTree tree = directory.snapshot().await().indefinitely().tree();
        written.clear();
        long began = System.nanoTime();
        GroupReconciliation result = GroupReconciler.reconcile(tree, keycloak);
        recordWalk(treeVersion, began);
        logChanges(result);
        afterGroups(tree, true);
        return result;
    }

    /** Keycloak's group count after a walk, for the next start to compare ({@link GroupWalks#stillCurrent}). */
    private void recordWalk(long treeVersion, long began) {
        try {
            int groups = keycloak.groupCount();
            walks.record(treeVersion, groups, keycloak.knownGroupIds());
            LOG.infof("Keycloak groups walked: %d groups follow the organization tree (version %d) after %.1f s", groups,
                    treeVersion, (System.nanoTime() - began) / 1e9);
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak group walk not recorded (the next start walks again): %s", e.getMessage());
        }
    }

    /**
     * A start's run without the walk when the groups still follow the tree the last walk reconciled: the walk's group ids
     * are taken as found then (members are read without a search for each group), and the broker mappers and the staff
     * of replaced organizations are seen to as after a walk (a few requests each).
     */
    private boolean skippedAtStart() {
        Optional<GroupWalks.Walk> last = walks.stillCurrent(keycloak);
        if (last.isEmpty()) {
            return false;
        }
        full.set(false);
        Map<String, String> ids = walks.groupIds();
        keycloak.knowGroupIds(ids);
        LOG.infof("Keycloak's %d groups still follow the organization tree (version %d, walked %s): no walk at start, %d group ids known",
                last.get().groups(), last.get().treeVersion(), last.get().walkedAt(), ids.size());
        afterGroups(directory.snapshot().await().indefinitely().tree(), true);
        return true;
    }

    /** The written organizations' groups, or every group when that cannot tell or too many were written. */
    private synchronized void reconcileWritten() {
        Set<String> codes = new HashSet<>(written);
        if (starting.getAndSet(false) && codes.isEmpty() && skippedAtStart()) {
            return;
        }
        if (full.getAndSet(false) || codes.size() > FULL_RUN_ABOVE) {
            reconcileNow();
            return;
        }
        written.removeAll(codes);
        OrgTree tree = directory.snapshot().await().indefinitely().tree();
        GroupReconciliation result = GroupReconciler.reconcileChanged(tree, codes, keycloak);
        if (result == null) {
            reconcileNow();
            return;
        }
        logChanges(result);
        // Staff move when a reform replaces an organization; only a succession (a write to the predecessor) starts one.
        afterGroups(tree, codes.stream().map(tree::byCode).anyMatch(o -> o != null && o.successorId() != null));
    }

    private static void logChanges(GroupReconciliation result) {
        if (result.created() + result.updated() + result.moved() + result.deleted() > 0) {
            LOG.infof("Keycloak groups reconciled: %s", result);
        }
    }

    private void afterGroups(OrgTree tree, boolean moveStaff) {
        reconcileBrokerMappers(tree);
        if (moveStaff) {
            moveStaffOfReplaced(tree);
        }
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
                    reconcileWritten();
                } catch (RuntimeException e) {
                    // What failed half-way is unknown: the next run checks every group.
                    full.set(true);
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
