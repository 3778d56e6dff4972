package gov.planning.plan.reminder;

/** What a reminder is about: a report owed for a period, the task's deadline, one of its milestones, the task itself. */
public enum ReminderAbout {
    REPORT, DEADLINE, MILESTONE, TASK
}
