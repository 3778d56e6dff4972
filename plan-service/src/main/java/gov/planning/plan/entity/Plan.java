package gov.planning.plan.entity;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import gov.planning.common.persistence.VersionedEntity;

@Entity
@Table(name = "plan")
public class Plan extends VersionedEntity {

    public String title;

    @Enumerated(EnumType.STRING)
    public PlanKind kind;

    @Column(name = "doc_number")
    public String docNumber;

    /** The issuing organization (发文机关), an org-service id. */
    @Column(name = "issuer_id")
    public UUID issuerId;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "period_start")
    public Integer periodStart;

    @Column(name = "period_end")
    public Integer periodEnd;

    @Enumerated(EnumType.STRING)
    public PlanStatus status = PlanStatus.DRAFT;

    /**
     * True while {@code importPlanDocument} is still creating the plan's indicators: such a plan is hidden from every
     * read (see {@code PlanRepository}) and is deleted if the import fails, so an import is all-or-nothing.
     */
    public boolean importing;

    @Column(name = "created_by")
    public String createdBy;

    /** How often the plan's tasks report (a task may override it). */
    @Enumerated(EnumType.STRING)
    @Column(name = "report_cadence")
    public ReportCadence reportCadence = ReportCadence.QUARTERLY;

    /** The day (1–28) of a period's last month its report is due. */
    @Column(name = "report_due_day")
    public int reportDueDay = 25;

    /** Days after the due day a late report is still accepted. */
    @Column(name = "report_grace_days")
    public int reportGraceDays = 10;
}
