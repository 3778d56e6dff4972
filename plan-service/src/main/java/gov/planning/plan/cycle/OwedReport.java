package gov.planning.plan.cycle;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One report owed: by organization {@code orgId} on task {@code taskId} for {@code period} (canonical code such as
 * {@code 2026Q1}, {@code 2026-03}, {@code 2026H1}, {@code 2026}), due on {@code due}, accepted until {@code closes};
 * {@code reported} when an open (submitted or approved) report exists for it.
 */
public record OwedReport(UUID taskId, UUID planId, String taskNumber, String taskTitle, UUID orgId, String period,
        LocalDate due, LocalDate closes, boolean reported) {
}
