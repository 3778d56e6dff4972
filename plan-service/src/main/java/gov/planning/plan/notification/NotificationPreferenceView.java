package gov.planning.plan.notification;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Whether the signed-in user gets e-mail for a category (in-app notifications always arrive). */
@Type("NotificationPreference")
public record NotificationPreferenceView(@NonNull NotificationCategory category, @NonNull Boolean emailMuted) {
}
