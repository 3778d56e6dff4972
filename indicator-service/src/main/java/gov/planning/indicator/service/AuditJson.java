package gov.planning.indicator.service;

import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.entity.Observation;
import gov.planning.indicator.entity.RegionalTarget;

/** The before/after snapshots the audit log keeps: the business fields a reviewer needs, not the whole row. */
final class AuditJson {

    private AuditJson() {
    }

    static JsonObject indicator(Indicator i) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", i.id.toString())
                .add("planId", i.planId.toString())
                .add("name", i.name)
                .add("comparator", i.comparator.name())
                .add("targetValue", i.targetValue)
                .add("additive", i.additive);
        addNullable(b, "unit", i.unit);
        addNullable(b, "nature", i.nature == null ? null : i.nature.name());
        addNullable(b, "baselineValue", i.baselineValue);
        addNullable(b, "baselineYear", i.baselineYear);
        addNullable(b, "targetYear", i.targetYear);
        JsonArrayBuilder orgs = Json.createArrayBuilder();
        i.responsibleOrgIds.forEach(id -> orgs.add(id.toString()));
        return b.add("responsibleOrgIds", orgs).build();
    }

    static JsonObject targets(String period, String unit, List<RegionalTarget> rows) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (RegionalTarget t : rows) {
            array.add(Json.createObjectBuilder().add("regionId", t.regionId.toString()).add("value", t.value));
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("period", period).add("rows", array);
        addNullable(b, "unit", unit);
        return b.build();
    }

    static JsonObject observation(Observation o) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", o.id.toString())
                .add("indicatorId", o.indicatorId.toString())
                .add("period", o.period)
                .add("value", o.value)
                .add("reportedBy", o.reportedBy)
                .add("reportedAt", o.reportedAt.toString());
        addNullable(b, "regionId", o.regionId);
        addNullable(b, "source", o.source);
        addNullable(b, "supersedes", o.supersedes);
        return b.build();
    }

    private static void addNullable(JsonObjectBuilder b, String name, Object value) {
        if (value == null) {
            b.add(name, JsonValue.NULL);
        } else if (value instanceof Double d) {
            b.add(name, d);
        } else if (value instanceof Integer n) {
            b.add(name, n);
        } else if (value instanceof UUID id) {
            b.add(name, id.toString());
        } else {
            b.add(name, value.toString());
        }
    }
}
