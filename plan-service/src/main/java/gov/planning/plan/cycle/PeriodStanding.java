package gov.planning.plan.cycle;

import java.time.LocalDate;
import java.util.UUID;

import gov.planning.plan.entity.ProgressReport;

/**
 * One organization's period of one task: the window, the status, and the report that decides it (the open one, else
 * the latest returned one; null when none). {@code reopenedUntil}: the period was reopened for the organization and
 * accepts reports until then.
 */
public record PeriodStanding(UUID taskId, UUID orgId, ReportingPeriod period, LocalDate opens, LocalDate due, LocalDate closes,
        ReportingPeriodStatus status, boolean late, boolean locked, LocalDate reopenedUntil, ProgressReport report) {
}
