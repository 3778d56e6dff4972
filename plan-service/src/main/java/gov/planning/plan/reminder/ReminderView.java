package gov.planning.plan.reminder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.orgref.OrganizationRef;

/** One reminder (催办) as recorded: who sent it (a username, or {@code system} for the rules), to whom, why, what. */
@Type("Reminder")
@Description("A reminder (催办) recorded on a task: an automatic rule or a person's message, for one organization.")
public record ReminderView(
        @Id @NonNull UUID id,
        @NonNull ReminderRule rule,
        @NonNull ReminderAbout about,
        @Description("The reporting period (about = REPORT), else null.") String period,
        @Description("The due date it is about (report, deadline or milestone); for MANUAL the task's deadline.") LocalDate due,
        @NonNull @Description("A username, or `system` for the automatic rules.") String sentBy,
        @NonNull OffsetDateTime sentAt,
        @Description("The sender's message (MANUAL).") String message,
        @NonNull String title,
        @NonNull String body,
        @NonNull @Description("The organization reminded.") OrganizationRef org,
        @NonNull @Description("Usernames of the organization's members it reached.") List<@NonNull String> recipients,
        @Ignore UUID taskId) {
}
