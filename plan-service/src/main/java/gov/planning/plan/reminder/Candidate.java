package gov.planning.plan.reminder;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A reminder to record for organization {@code orgId}, reaching its members with {@code audienceRole}. (rule, task,
 * org, about, aboutKey, due) is its natural key: {@code aboutKey} is the report's period, the milestone's id, or a
 * fresh id for a manual reminder. {@code what} names the thing due in the message (a period, a milestone).
 */
record Candidate(ReminderRule rule, ReminderAbout about, String aboutKey, UUID taskId, UUID orgId, LocalDate due,
        String taskNumber, String taskTitle, String what, String audienceRole) {
}
