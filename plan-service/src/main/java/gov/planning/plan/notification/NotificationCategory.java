package gov.planning.plan.notification;

/** What a notification is about; users mute e-mail per category (the in-app notification is always kept). */
public enum NotificationCategory {
    /** A report, deadline or milestone falls due within the next days (即将到期). */
    DUE_SOON,
    /** Due today (今日到期). */
    DUE_TODAY,
    /** Past due and not done (已逾期). */
    OVERDUE,
    /** An overdue task escalated to the lead and issuing organizations' planners (逾期督办). */
    ESCALATION,
    /** A planner's or administrator's manual reminder (催办). */
    URGE
}
