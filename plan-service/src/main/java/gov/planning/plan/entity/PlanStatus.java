package gov.planning.plan.entity;

public enum PlanStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
