package gov.planning.plan.entity;

import org.eclipse.microprofile.graphql.Description;

/** Which rule of docs/domain.md §3 decided a task's health (the first that applies, in this order). */
@Description("Which rule decided a task's health: COMPLETED (DONE); OVERDUE or MILESTONE_OVERDUE (RED); DUE_SOON, "
        + "NO_RECENT_REPORT or BEHIND_SCHEDULE (YELLOW); ON_TRACK (GREEN).")
public enum HealthReasonKind {
    COMPLETED, OVERDUE, MILESTONE_OVERDUE, DUE_SOON, NO_RECENT_REPORT, BEHIND_SCHEDULE, ON_TRACK
}
