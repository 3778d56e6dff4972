package gov.planning.indicator.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of a task-division table (任务分解表): a region's target for a period, in the indicator's unit. */
@Entity
@Table(name = "regional_target")
public class RegionalTarget {

    @Id
    public UUID id;

    @Column(name = "indicator_id")
    public UUID indicatorId;

    /** The region's government organization (org-service id). */
    @Column(name = "region_id")
    public UUID regionId;

    /** Normalized: "2021-2025" or "2022". */
    public String period;

    /** Row order of the table as it was set, which is the order the annex lists the regions in. */
    public int position;

    public double value;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public Instant setAt;
}
