package gov.planning.plan.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.plan.entity.ProgressReport;
import gov.planning.plan.entity.ReportStatus;
import gov.planning.plan.entity.ReportingReopening;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.service.AssessedTask;
import gov.planning.common.persistence.ReadSessions;
import gov.planning.common.persistence.SqlRows;
import io.smallrye.mutiny.Uni;

/**
 * The reporting periods of tasks per responsible organization, and the inbox's missed periods: a fixed number of SQL
 * statements for any number of tasks, reading only the reports of the periods asked for.
 */
@ApplicationScoped
public class ReportingPeriods {

    /** At most this many periods are counted back as missed (20 years of months). */
    static final int MAX_PERIODS = 240;

    @Inject
    ReadSessions sessions;

    @Inject
    SqlRows db;

    @Inject
    Clock clock;

    /** A task as the period reads need it. */
    public record Subject(UUID taskId, ReportingCycle cycle, LocalDate since) {
    }

    /**
     * For each task, for each responsible organization ({@code orgId}: only that one) in the task's order (leads first),
     * the {@code last} periods up to the current one (or the cycle's last one), oldest first. Three statements.
     */
    public Uni<Map<UUID, List<PeriodStanding>>> of(List<Subject> tasks, UUID orgId, int last) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, List<ReportingPeriod>> periodsByTask = new HashMap<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Subject t : tasks) {
            List<ReportingPeriod> periods = t.cycle().owed(t.since(), today, last);
            periodsByTask.put(t.taskId(), periods);
            periods.forEach(p -> codes.add(p.code()));
        }
        List<UUID> taskIds = tasks.stream().map(Subject::taskId).distinct().toList();
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return sessions.read(s -> s.createQuery("from TaskOrg where taskId in ?1 order by position", TaskOrg.class)
                .setParameter(1, taskIds).getResultList()
                .chain(orgs -> codes.isEmpty() ? Uni.createFrom().item(new Found(orgs, List.of(), List.of()))
                        : s.createQuery("from ProgressReport where taskId in ?1 and period in ?2 order by reportedAt desc, id desc",
                                ProgressReport.class).setParameter(1, taskIds).setParameter(2, codes).getResultList()
                        .chain(reports -> s.createQuery("from ReportingReopening where taskId in ?1 and period in ?2",
                                ReportingReopening.class).setParameter(1, taskIds).setParameter(2, codes).getResultList()
                                .map(reopenings -> new Found(orgs, reports, reopenings)))))
                .map(found -> {
                    Map<UUID, List<TaskOrg>> orgsByTask = found.orgs().stream().collect(Collectors.groupingBy(o -> o.taskId));
                    Map<String, List<ProgressReport>> reportsByKey = found.reports().stream()
                            .collect(Collectors.groupingBy(r -> key(r.taskId, r.orgId, r.period)));
                    Map<String, LocalDate> reopenedUntil = new HashMap<>();
                    found.reopenings().forEach(r -> reopenedUntil.merge(key(r.taskId, r.orgId, r.period), r.openUntil,
                            (a, b) -> a.isAfter(b) ? a : b));
                    Map<UUID, List<PeriodStanding>> result = new HashMap<>();
                    for (Subject t : tasks) {
                        List<PeriodStanding> rows = new ArrayList<>();
                        for (TaskOrg org : orgsByTask.getOrDefault(t.taskId(), List.of()).stream()
                                .sorted(Comparator.comparing((TaskOrg o) -> o.role).thenComparingInt(o -> o.position)).toList()) {
                            if (orgId != null && !orgId.equals(org.orgId)) {
                                continue;
                            }
                            for (ReportingPeriod p : periodsByTask.get(t.taskId())) {
                                String k = key(t.taskId(), org.orgId, p.code());
                                rows.add(standing(t, org.orgId, p, reportsByKey.getOrDefault(k, List.of()), reopenedUntil.get(k), today));
                            }
                        }
                        result.put(t.taskId(), rows);
                    }
                    return result;
                });
    }

    private record Found(List<TaskOrg> orgs, List<ProgressReport> reports, List<ReportingReopening> reopenings) {
    }

    static PeriodStanding standing(Subject t, UUID orgId, ReportingPeriod p, List<ProgressReport> newestFirst,
            LocalDate reopenedUntil, LocalDate today) {
        ReportingCycle cycle = t.cycle();
        LocalDate due = cycle.due(p);
        LocalDate closes = cycle.closes(p);
        LocalDate open = reopenedUntil != null && reopenedUntil.isBefore(today) ? null : reopenedUntil;
        ProgressReport report = newestFirst.stream().filter(r -> r.status != ReportStatus.RETURNED).findFirst()
                .orElse(newestFirst.isEmpty() ? null : newestFirst.get(0));
        ReportingPeriodStatus status;
        if (report != null) {
            status = switch (report.status) {
                case SUBMITTED -> ReportingPeriodStatus.SUBMITTED;
                case APPROVED -> ReportingPeriodStatus.APPROVED;
                case RETURNED -> ReportingPeriodStatus.RETURNED;
            };
        } else if (!today.isAfter(due)) {
            status = ReportingPeriodStatus.OPEN;
        } else if (!today.isAfter(closes) || open != null) {
            status = ReportingPeriodStatus.OVERDUE;
        } else {
            status = ReportingPeriodStatus.MISSED;
        }
        return new PeriodStanding(t.taskId(), orgId, p, p.opens(), due, closes, status, report != null && report.late,
                status == ReportingPeriodStatus.APPROVED, open, report);
    }

    /**
     * The inbox's missed periods per task: periods from the task's start to its cycle's last day whose window has
     * closed (and is not reopened) without an open report of any of {@code mine}. One statement for the whole page.
     */
    public Uni<Map<UUID, Integer>> missed(Collection<AssessedTask> tasks, Set<UUID> mine) {
        if (tasks.isEmpty() || mine == null || mine.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = tasks.stream().map(a -> a.task().id).distinct().toList();
        String sql = "SELECT task_id, period FROM progress_report WHERE task_id IN (:ids) AND org_id IN (:mine) AND status <> 'RETURNED'"
                + " UNION SELECT task_id, period FROM reporting_reopening WHERE task_id IN (:ids) AND org_id IN (:mine) AND open_until >= :today";
        return db.rows(sql, Map.of("ids", ids, "mine", mine, "today", today)).map(rows -> {
            Set<String> covered = new HashSet<>();
            rows.forEach(r -> covered.add(((Object[]) r)[0] + "|" + ((Object[]) r)[1]));
            Map<UUID, Integer> missed = new HashMap<>();
            for (AssessedTask a : tasks) {
                int n = 0;
                for (ReportingPeriod p : a.cycle().owed(a.reportingSince(), today, MAX_PERIODS)) {
                    if (a.cycle().closes(p).isBefore(today) && !covered.contains(a.task().id + "|" + p.code())) {
                        n++;
                    }
                }
                missed.put(a.task().id, n);
            }
            return missed;
        });
    }

    private static String key(UUID taskId, UUID orgId, String period) {
        return taskId + "|" + orgId + "|" + period;
    }
}
