package gov.planning.indicator.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A reported actual value (实际值). Immutable and append-only (the table refuses UPDATE and DELETE): a correction
 * is a new observation whose {@link #supersedes} names the one it replaces, and both stay visible.
 */
@Entity
@Immutable
@Table(name = "observation")
public class Observation {

    @Id
    public UUID id;

    @Column(name = "indicator_id")
    public UUID indicatorId;

    /** The region (org-service id); null for the indicator's whole area. */
    @Column(name = "region_id")
    public UUID regionId;

    /** Normalized: "2022" or "2021-2025". */
    public String period;

    /** In the indicator's unit. */
    public double value;

    public String source;

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "reported_at")
    public Instant reportedAt;

    /** The observation this one corrects, or null for the first report of its indicator, region and period. */
    public UUID supersedes;
}
