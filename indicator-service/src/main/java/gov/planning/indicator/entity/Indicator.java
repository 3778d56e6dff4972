package gov.planning.indicator.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import gov.planning.common.persistence.VersionedEntity;

@Entity
@Table(name = "indicator")
public class Indicator extends VersionedEntity {

    /** The plan (plan-service id) that sets this indicator. */
    @Column(name = "plan_id")
    public UUID planId;

    public String name;

    public String unit;

    @Enumerated(EnumType.STRING)
    public IndicatorNature nature;

    @Enumerated(EnumType.STRING)
    public Comparator comparator;

    @Column(name = "baseline_value")
    public Double baselineValue;

    @Column(name = "baseline_year")
    public Integer baselineYear;

    @Column(name = "target_value")
    public double targetValue;

    @Column(name = "target_year")
    public Integer targetYear;

    /** Derived from the unit when the indicator is created (see {@code Units}); stored so queries need no vocabulary. */
    public boolean additive;

    /** Responsible organizations (责任单位, org-service ids), in the order the plan lists them. */
    @ElementCollection
    @CollectionTable(name = "indicator_responsible_org", joinColumns = @JoinColumn(name = "indicator_id"))
    @OrderColumn(name = "position")
    @Column(name = "org_id")
    public List<UUID> responsibleOrgIds = new ArrayList<>();

    @Column(name = "created_by")
    public String createdBy;
}
