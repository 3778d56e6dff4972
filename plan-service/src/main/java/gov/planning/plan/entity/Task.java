package gov.planning.plan.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A task (重点任务 / 工作措施). Lead and cooperating organizations live in {@link TaskOrg}. Timestamps come from the
 * service's {@link java.time.Clock} (not {@code @PrePersist}), so health, which depends on them, is testable.
 */
@Entity
@Table(name = "task")
public class Task {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "section_id")
    public UUID sectionId;

    public String number;

    /** Order within the plan (document order). */
    public int position;

    public String title;

    public String description;

    @Column(name = "deadline_date")
    public LocalDate deadlineDate;

    /** 长期坚持: no end date; judged by the reporting cadence only. */
    @Column(name = "deadline_ongoing")
    public boolean deadlineOngoing;

    /** The deadline as the document wrote it (完成时限: "2022年底前"). */
    @Column(name = "deadline_text")
    public String deadlineText;

    @Enumerated(EnumType.STRING)
    public TaskStatus status = TaskStatus.NOT_STARTED;

    /** The task's own reporting cadence; null: the plan's. */
    @Enumerated(EnumType.STRING)
    @Column(name = "report_cadence")
    public ReportCadence reportCadence;

    @Version
    public int version;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
