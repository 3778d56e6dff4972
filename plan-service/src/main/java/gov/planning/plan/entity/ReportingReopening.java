package gov.planning.plan.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A period reopened for one organization by the approver side: reports are accepted again until {@code openUntil}. */
@Entity
@Table(name = "reporting_reopening")
public class ReportingReopening {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "org_id")
    public UUID orgId;

    public String period;

    public String reason;

    @Column(name = "reopened_by")
    public String reopenedBy;

    @Column(name = "reopened_at")
    public Instant reopenedAt;

    @Column(name = "open_until")
    public LocalDate openUntil;
}
