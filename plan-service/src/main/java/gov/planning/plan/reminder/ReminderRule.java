package gov.planning.plan.reminder;

import gov.planning.plan.notification.NotificationCategory;

/** Why a reminder went out. */
public enum ReminderRule {
    DUE_SOON(NotificationCategory.DUE_SOON),
    DUE_TODAY(NotificationCategory.DUE_TODAY),
    OVERDUE(NotificationCategory.OVERDUE),
    ESCALATION(NotificationCategory.ESCALATION),
    MANUAL(NotificationCategory.URGE);

    public final NotificationCategory category;

    ReminderRule(NotificationCategory category) {
        this.category = category;
    }
}
