package gov.planning.plan.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.security.PlatformRole;
import gov.planning.plan.cycle.OwedReport;
import gov.planning.plan.cycle.ReportsOwed;
import gov.planning.plan.repository.HiddenPlans;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What the automatic rules would remind of on a day: reports owed (reporting cycles' {@link ReportsOwed}), task
 * deadlines and milestones (of published plans, tasks neither completed nor suspended) falling due within
 * {@code daysBefore}, due today or overdue, for the responsible organizations' reporters; and overdue tasks past
 * {@code escalateAfterDays}, for the lead and issuing organizations' planners.
 */
@ApplicationScoped
public class ReminderCandidates {

    private static final String REPORTER = PlatformRole.REPORTER.roleName();
    private static final String PLANNER = PlatformRole.PLANNER.roleName();

    private static final String OPEN_TASKS = "FROM task t " + HiddenPlans.JOIN_SHOWN_PLAN
            + " JOIN task_org o ON o.task_id = t.id AND o.role = 'LEAD'"
            + " WHERE p.status = 'PUBLISHED' AND t.status NOT IN ('COMPLETED', 'SUSPENDED')";

    @Inject
    Pool pool;

    @Inject
    ReminderConfig config;

    /** Reporting cycles own which reports are owed when. */
    @Inject
    ReportsOwed reportsOwed;

    public Uni<List<Candidate>> on(LocalDate today) {
        LocalDate from = today.minusDays(config.lookBackDays());
        LocalDate to = today.plusDays(config.daysBefore());
        Uni<List<Candidate>> reports = reportsOwed.dueBetween(from, to).map(owed -> reports(owed, today));
        return reports.chain(found -> deadlines(today, from, to).map(more -> concat(found, more)))
                .chain(found -> milestones(today, from, to).map(more -> concat(found, more)))
                .chain(found -> escalations(today).map(more -> concat(found, more)));
    }

    private static List<Candidate> concat(List<Candidate> a, List<Candidate> b) {
        List<Candidate> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The step of the rule for a due date seen on {@code today}. */
    static ReminderRule ruleFor(LocalDate due, LocalDate today) {
        return due.isAfter(today) ? ReminderRule.DUE_SOON : due.isEqual(today) ? ReminderRule.DUE_TODAY : ReminderRule.OVERDUE;
    }

    private static List<Candidate> reports(List<OwedReport> owed, LocalDate today) {
        return owed.stream().filter(r -> !r.reported())
                .map(r -> new Candidate(ruleFor(r.due(), today), ReminderAbout.REPORT, r.period(), r.taskId(), r.orgId(),
                        r.due(), r.taskNumber(), r.taskTitle(), r.period(), REPORTER))
                .toList();
    }

    private Uni<List<Candidate>> deadlines(LocalDate today, LocalDate from, LocalDate to) {
        return pool.preparedQuery("SELECT t.id, t.number, t.title, t.deadline_date, o.org_id " + OPEN_TASKS
                + " AND t.deadline_date BETWEEN $1 AND $2").execute(Tuple.of(from, to))
                .map(rows -> {
                    List<Candidate> found = new ArrayList<>();
                    for (Row r : rows) {
                        LocalDate due = r.getLocalDate("deadline_date");
                        found.add(new Candidate(ruleFor(due, today), ReminderAbout.DEADLINE, "", r.getUUID("id"),
                                r.getUUID("org_id"), due, r.getString("number"), r.getString("title"), null, REPORTER));
                    }
                    return found;
                });
    }

    private Uni<List<Candidate>> milestones(LocalDate today, LocalDate from, LocalDate to) {
        return pool.preparedQuery("SELECT t.id, t.number, t.title, o.org_id, m.id AS milestone, m.description, m.due_date "
                + OPEN_TASKS.replace("WHERE", "JOIN milestone m ON m.task_id = t.id WHERE")
                + " AND NOT m.done AND m.due_date BETWEEN $1 AND $2").execute(Tuple.of(from, to))
                .map(rows -> {
                    List<Candidate> found = new ArrayList<>();
                    for (Row r : rows) {
                        LocalDate due = r.getLocalDate("due_date");
                        found.add(new Candidate(ruleFor(due, today), ReminderAbout.MILESTONE, r.getUUID("milestone").toString(),
                                r.getUUID("id"), r.getUUID("org_id"), due, r.getString("number"), r.getString("title"),
                                r.getString("description"), REPORTER));
                    }
                    return found;
                });
    }

    /** One escalation per overdue task and organization to tell: each lead, and the plan's issuer (督查室). */
    private Uni<List<Candidate>> escalations(LocalDate today) {
        LocalDate latest = today.minusDays(config.escalateAfterDays());
        LocalDate earliest = latest.minusDays(config.lookBackDays());
        return pool.preparedQuery("SELECT t.id, t.number, t.title, t.deadline_date, p.issuer_id, o.org_id " + OPEN_TASKS
                + " AND t.deadline_date BETWEEN $1 AND $2 ORDER BY t.id, o.position").execute(Tuple.of(earliest, latest))
                .map(rows -> {
                    List<Candidate> found = new ArrayList<>();
                    Set<String> seen = new LinkedHashSet<>();
                    for (Row r : rows) {
                        UUID task = r.getUUID("id");
                        for (UUID org : List.of(r.getUUID("org_id"), r.getUUID("issuer_id"))) {
                            if (seen.add(task + "/" + org)) {
                                found.add(new Candidate(ReminderRule.ESCALATION, ReminderAbout.DEADLINE, "", task, org,
                                        r.getLocalDate("deadline_date"), r.getString("number"), r.getString("title"), null, PLANNER));
                            }
                        }
                    }
                    return found;
                });
    }
}
