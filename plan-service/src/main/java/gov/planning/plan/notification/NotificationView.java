package gov.planning.plan.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** An in-app notification of the signed-in user. */
@Type("Notification")
public record NotificationView(
        @Id @NonNull UUID id,
        @NonNull NotificationCategory category,
        @NonNull String title,
        @NonNull String body,
        @Id @NonNull @Description("The task it is about (query task(id:) for it).") UUID taskId,
        @Id @NonNull UUID reminderId,
        @NonNull OffsetDateTime createdAt,
        @NonNull Boolean read,
        OffsetDateTime readAt,
        @NonNull @Description("PENDING, SENDING, SENT, MUTED (the user muted the category), NO_ADDRESS, FAILED.") String emailStatus) {
}
