package gov.planning.plan.entity;

public enum TaskStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, SUSPENDED
}
