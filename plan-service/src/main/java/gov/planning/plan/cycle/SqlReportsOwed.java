package gov.planning.plan.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.service.TaskListSql;
import gov.planning.plan.repository.HiddenPlans;
import gov.planning.common.persistence.SqlRows;
import io.smallrye.mutiny.Uni;

/**
 * {@link ReportsOwed} in one SQL statement: the periods whose last month meets [from, to] (computed here, per cadence,
 * and inlined as a VALUES list: generated codes and dates, no user text), joined with every responsible organization
 * of every task of a published plan that is not completed and whose cadence they are; the due date is the plan's due
 * day of the period's last month. A period that ended before the task's start (the plan's issue date, else the task's
 * creation) is not owed, nor one that starts after the cycle's last day ({@link ReportingCycle#lastDay}). {@code reported}: an open (SUBMITTED or APPROVED) report of that organization for the period;
 * a collective's members reporting in their own names do not count for the collective's row.
 */
@ApplicationScoped
public class SqlReportsOwed implements ReportsOwed {

    @Inject
    SqlRows db;

    @Inject
    Clock clock;

    @Override
    public Uni<List<OwedReport>> dueBetween(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder values = new StringBuilder();
        for (ReportCadence cadence : ReportCadence.values()) {
            for (ReportingPeriod p : ReportingPeriod.dueMonthsWithin(cadence, from, to)) {
                values.append(values.isEmpty() ? "" : ", ").append("('").append(cadence.name()).append("', '").append(p.code())
                        .append("', DATE '").append(p.due(1)).append("', DATE '").append(p.start()).append("', DATE '").append(p.end()).append("')");
            }
        }
        String sql = "SELECT t.id, t.plan_id, t.number, t.title, o.org_id, cy.code, cy.last_month + (p.report_due_day - 1) AS due,"
                + " cy.last_month + (p.report_due_day - 1 + p.report_grace_days) AS closes,"
                + " EXISTS (SELECT 1 FROM progress_report r WHERE r.task_id = t.id AND r.org_id = o.org_id AND r.period = cy.code"
                + " AND r.status <> 'RETURNED') AS reported"
                + " FROM task t " + HiddenPlans.JOIN_SHOWN_PLAN + " AND p.status = 'PUBLISHED'"
                + " JOIN task_org o ON o.task_id = t.id"
                + " JOIN (VALUES " + values + ") cy (cadence, code, last_month, period_start, period_end)"
                + " ON cy.cadence = COALESCE(t.report_cadence, p.report_cadence)"
                + " WHERE t.status <> 'COMPLETED'"
                + " AND cy.last_month + (p.report_due_day - 1) BETWEEN :from AND :to"
                + " AND cy.period_end >= COALESCE(p.issued_on, CAST(t.created_at AT TIME ZONE :zone AS date))"
                + " AND cy.period_start <= COALESCE(" + ReportingCycle.LAST_DAY_SQL + ", cy.period_start)"
                + " ORDER BY due, t.plan_id, t.position, o.position, cy.code";
        return db.rows(sql, Map.of("from", from, "to", to, "zone", TaskListSql.sqlZone(clock.getZone())))
                .map(rows -> rows.stream().map(row -> {
                    Object[] r = (Object[]) row;
                    return new OwedReport((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4], (String) r[5],
                            day(r[6]), day(r[7]), (Boolean) r[8]);
                }).toList());
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
