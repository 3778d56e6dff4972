package gov.planning.indicator.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.planning.common.audit.AuditSnapshot;
import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.entity.Observation;
import gov.planning.indicator.entity.RegionalTarget;

/** The before/after states the audit trail keeps: the business fields a reviewer needs, not the whole row. */
final class AuditSnapshots {

    private AuditSnapshots() {
    }

    static AuditSnapshot indicator(Indicator i) {
        return AuditSnapshot.of("Indicator", i.id)
                .put("planId", i.planId)
                .put("name", i.name)
                .put("comparator", i.comparator)
                .put("targetValue", i.targetValue)
                .put("additive", i.additive)
                .put("unit", i.unit)
                .put("nature", i.nature)
                .put("baselineValue", i.baselineValue)
                .put("baselineYear", i.baselineYear)
                .put("targetYear", i.targetYear)
                .put("responsibleOrgIds", List.copyOf(i.responsibleOrgIds));
    }

    /** A period's regional targets, audited on their indicator. */
    static AuditSnapshot targets(UUID indicatorId, String period, String unit, List<RegionalTarget> rows) {
        List<Map<String, Object>> array = rows.stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("regionId", t.regionId);
            row.put("value", t.value);
            return row;
        }).toList();
        return AuditSnapshot.of("Indicator", indicatorId).put("period", period).put("rows", array).put("unit", unit);
    }

    static AuditSnapshot observation(Observation o) {
        return AuditSnapshot.of("Observation", o.id)
                .put("indicatorId", o.indicatorId)
                .put("period", o.period)
                .put("value", o.value)
                .put("reportedBy", o.reportedBy)
                .put("reportedAt", o.reportedAt)
                .put("regionId", o.regionId)
                .put("source", o.source)
                .put("supersedes", o.supersedes);
    }
}
