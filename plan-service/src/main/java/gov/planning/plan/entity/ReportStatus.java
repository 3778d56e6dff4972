package gov.planning.plan.entity;

public enum ReportStatus {
    SUBMITTED, APPROVED, RETURNED
}
