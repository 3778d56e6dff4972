package gov.planning.plan.reminder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ForbiddenException;
import gov.planning.common.error.NotFoundException;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.plan.notification.OrgMembers;
import gov.planning.plan.reminder.ReminderStore.Recorded;
import gov.planning.plan.service.Permissions;
import gov.planning.plan.repository.HiddenPlans;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * 催办 by a person: a planner or administrator urges the organizations of one task, or a whole department on all its
 * open tasks, with a message. Who may: admin; a planner whose organization issued the plan or is above the issuer, or
 * leads the task or is above a lead (the plan's and the task's managers, {@link Permissions}). Recorded (and
 * audited) before anything is sent; the mail and webhooks go out after the commit.
 */
@ApplicationScoped
public class ManualReminders {

    private static final Logger LOG = Logger.getLogger(ManualReminders.class);
    static final int MESSAGE_MAX = 2000;
    private static final String REPORTER = PlatformRole.REPORTER.roleName();

    @Inject
    Pool pool;

    @Inject
    Caller caller;

    @Inject
    Permissions permissions;

    @Inject
    OrgMembers members;

    @Inject
    ReminderStore store;

    @Inject
    ReminderScan scan;

    @Inject
    Clock clock;

    private record OpenTask(UUID id, String number, String title, LocalDate deadline, UUID issuerId, Map<UUID, String> orgs) {
        List<UUID> leads() {
            return orgs.entrySet().stream().filter(e -> e.getValue().equals("LEAD")).map(Map.Entry::getKey).toList();
        }
    }

    public Uni<List<Recorded>> remindTask(UUID taskId, List<UUID> orgIds, String message) {
        String text = message(message);
        String action = "remind the organizations of task " + taskId;
        caller.requireAnyRole(action, PlatformRole.ADMIN, PlatformRole.PLANNER);
        return tasks("t.id = $1", taskId, false).chain(found -> {
            if (found.isEmpty()) {
                throw new NotFoundException("taskId: no task " + taskId);
            }
            OpenTask task = found.get(0);
            return mayUrge(task).chain(allowed -> {
                if (!allowed) {
                    throw new ForbiddenException(caller.username() + " may not " + action
                            + ": their organization neither issued the plan nor leads the task (nor is above either)");
                }
                List<UUID> targets = orgIds == null || orgIds.isEmpty() ? List.copyOf(task.orgs().keySet()) : orgIds;
                for (UUID org : targets) {
                    if (!task.orgs().containsKey(org)) {
                        throw new BadUserInputException("orgIds: organization " + org + " is neither lead nor cooperating on the task");
                    }
                }
                return record(targets.stream().map(org -> candidate(task, org)).toList(), text);
            });
        });
    }

    /** Urges {@code orgId} on each open task it leads or cooperates on that the caller manages. */
    public Uni<List<Recorded>> remindOrganization(UUID orgId, String message) {
        String text = message(message);
        String action = "remind organization " + orgId;
        caller.requireAnyRole(action, PlatformRole.ADMIN, PlatformRole.PLANNER);
        return tasks("t.id IN (SELECT task_id FROM task_org WHERE org_id = $1)", orgId, true).chain(open -> {
            if (open.isEmpty()) {
                return Uni.createFrom().item(List.<Recorded>of());
            }
            return permissions.steerableOrgs().chain(mine -> {
                List<Candidate> mineToUrge = new ArrayList<>();
                for (OpenTask task : open) {
                    if (urges(mine, task)) {
                        mineToUrge.add(candidate(task, orgId));
                    }
                }
                if (mineToUrge.isEmpty()) {
                    throw new ForbiddenException(caller.username() + " may not " + action
                            + ": they manage none of its " + open.size() + " open tasks");
                }
                return record(mineToUrge, text);
            });
        });
    }

    private Uni<List<Recorded>> record(List<Candidate> candidates, String message) {
        Set<UUID> orgs = candidates.stream().map(Candidate::orgId).collect(java.util.stream.Collectors.toSet());
        return members.of(orgs, Set.of(REPORTER))
                .chain(contacts -> store.record(candidates, contacts, LocalDate.now(clock), ReminderStore.utc(clock.instant()),
                        caller.username(), message))
                .invoke(recorded -> scan.deliver().subscribe().with(ignored -> { },
                        e -> LOG.warnf("delivering reminders failed, retried by the next delivery: %s", e.getMessage())));
    }

    private Candidate candidate(OpenTask task, UUID org) {
        return new Candidate(ReminderRule.MANUAL, ReminderAbout.TASK, UUID.randomUUID().toString(), task.id(), org,
                task.deadline(), task.number(), task.title(), null, REPORTER);
    }

    private Uni<Boolean> mayUrge(OpenTask task) {
        return permissions.steerableOrgs().map(mine -> urges(mine, task));
    }

    /** {@code mine} is {@link Permissions#steerableOrgs()}: null for an admin; for a planner their orgs and all below. */
    private static boolean urges(Set<UUID> mine, OpenTask task) {
        return mine == null || mine.contains(task.issuerId()) || task.leads().stream().anyMatch(mine::contains);
    }

    private static String message(String message) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw new BadUserInputException("message: must not be empty");
        }
        if (text.length() > MESSAGE_MAX) {
            throw new BadUserInputException("message: at most " + MESSAGE_MAX + " characters, was " + text.length());
        }
        return text;
    }

    private Uni<List<OpenTask>> tasks(String where, UUID param, boolean openOnly) {
        String sql = "SELECT t.id, t.number, t.title, t.deadline_date, p.issuer_id, o.org_id, o.role FROM task t "
                + HiddenPlans.JOIN_SHOWN_PLAN + " LEFT JOIN task_org o ON o.task_id = t.id WHERE " + where
                + (openOnly ? " AND p.status = 'PUBLISHED' AND t.status NOT IN ('COMPLETED', 'SUSPENDED')" : "")
                + " ORDER BY t.plan_id, t.position, o.position";
        return pool.preparedQuery(sql).execute(Tuple.of(param)).map(rows -> {
            Map<UUID, OpenTask> byId = new LinkedHashMap<>();
            for (Row r : rows) {
                OpenTask task = byId.computeIfAbsent(r.getUUID("id"), id -> new OpenTask(id, r.getString("number"), r.getString("title"),
                        r.getLocalDate("deadline_date"), r.getUUID("issuer_id"), new LinkedHashMap<>()));
                if (r.getUUID("org_id") != null) {
                    task.orgs().put(r.getUUID("org_id"), r.getString("role"));
                }
            }
            return List.copyOf(byId.values());
        });
    }
}
