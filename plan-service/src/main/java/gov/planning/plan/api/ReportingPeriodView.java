package gov.planning.plan.api;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.orgref.OrganizationRef;
import gov.planning.plan.cycle.PeriodStanding;
import gov.planning.plan.cycle.ReportingPeriodStatus;

@Type("ReportingPeriod")
@Name("ReportingPeriod")
@Description("One reporting period of a task for one responsible organization: its window (opens, due, closes: late "
        + "reports are accepted until closes), where the organization stands, and the report that decides it.")
public record ReportingPeriodView(
        @Description("Canonical code: 2026-03, 2026Q1, 2026H1 or 2026.") @NonNull String period,
        @Description("2026年3月, 2026年第一季度, 2026年上半年, 2026年.") @NonNull String label,
        @NonNull LocalDate opens,
        @NonNull LocalDate due,
        @NonNull LocalDate closes,
        @NonNull OrganizationRef org,
        @NonNull ReportingPeriodStatus status,
        @Description("The report was submitted after the due date.") @NonNull Boolean late,
        @Description("An approved report locks the period for the organization until the approver side reopens it.") @NonNull Boolean locked,
        @Description("Reopened: reports are accepted until this day even though the window closed.") LocalDate reopenedUntil,
        @Description("The open report, else the latest returned one; null when none.") ProgressReportView report) {

    static ReportingPeriodView of(PeriodStanding p) {
        return new ReportingPeriodView(p.period().code(), p.period().label(), p.opens(), p.due(), p.closes(),
                OrganizationRef.of(p.orgId()), p.status(), p.late(), p.locked(), p.reopenedUntil(), ProgressReportView.of(p.report()));
    }
}
