package gov.planning.plan.cycle;

/**
 * Where one organization stands for one period of a task. Without an open report: OPEN (on or before the due date),
 * OVERDUE (after it, the window still accepting — within the grace days or reopened), MISSED (the window closed).
 * With one: SUBMITTED (awaiting review), APPROVED (locked until reopened); RETURNED: the latest report was returned
 * and none is open (report again while the window accepts).
 */
public enum ReportingPeriodStatus {
    OPEN, OVERDUE, MISSED, SUBMITTED, APPROVED, RETURNED
}
