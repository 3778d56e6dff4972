package gov.planning.plan.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 进度填报: one organization's progress on one task for one period, then approved or returned by the lead side. */
@Entity
@Table(name = "progress_report")
public class ProgressReport {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "org_id")
    public UUID orgId;

    public String period;

    public Integer percent;

    public String summary;

    public String problems;

    @Column(name = "next_steps")
    public String nextSteps;

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Enumerated(EnumType.STRING)
    public ReportStatus status = ReportStatus.SUBMITTED;

    /** Submitted after the period's due date. */
    public boolean late;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    /** Two reviewers deciding at once: the second gets CONFLICT instead of silently overwriting. */
    @Version
    public int version;
}
