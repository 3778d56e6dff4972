package gov.planning.plan.entity;

/** How often a task's responsible organizations report progress (报送周期). */
public enum ReportCadence {
    MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY
}
