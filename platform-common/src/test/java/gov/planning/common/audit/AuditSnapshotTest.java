package gov.planning.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class AuditSnapshotTest {

    enum Status { IN_PROGRESS }

    @Test
    void idsEnumsAndDatesAreStringsNumbersAndBooleansStayAndNullsAreKept() {
        UUID id = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        JsonObject json = new JsonObject(AuditSnapshot.of("Task", id)
                .put("planId", plan)
                .put("status", Status.IN_PROGRESS)
                .put("deadlineDate", LocalDate.of(2030, 12, 31))
                .put("reportedAt", OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8)))
                .put("percent", 40)
                .put("targetValue", 65.5)
                .put("deadlineOngoing", false)
                .put("description", null)
                .json());

        assertThat(json.getString("planId")).isEqualTo(plan.toString());
        assertThat(json.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(json.getString("deadlineDate")).isEqualTo("2030-12-31");
        assertThat(json.getString("reportedAt")).isEqualTo("2026-03-01T09:30+08:00");
        assertThat(json.getInteger("percent")).isEqualTo(40);
        assertThat(json.getDouble("targetValue")).isEqualTo(65.5);
        assertThat(json.getBoolean("deadlineOngoing")).isFalse();
        assertThat(json.containsKey("description")).isTrue();
        assertThat(json.getValue("description")).isNull();
    }

    @Test
    void theRecordsIdAndVersionAreLeftOutButNestedRecordsKeepTheirIds() {
        UUID milestone = UUID.randomUUID();
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("id", milestone);
        nested.put("done", true);
        JsonObject json = new JsonObject(AuditSnapshot.of("Task", UUID.randomUUID())
                .put("id", UUID.randomUUID()).put("version", 7).put("title", "推进").put("milestones", List.of(nested))
                .put("leadOrgIds", new String[] { "a", "b" }).json());

        assertThat(json.fieldNames()).containsExactly("title", "milestones", "leadOrgIds");
        assertThat(json.getJsonArray("milestones").getJsonObject(0).getString("id")).isEqualTo(milestone.toString());
        assertThat(json.getJsonArray("leadOrgIds").getList()).containsExactly("a", "b");
    }

    @Test
    void aStateThatDiffersOnlyInItsVersionIsTheSameState() {
        UUID id = UUID.randomUUID();
        assertThat(AuditSnapshot.of("Organization", id).put("name", "旅游局").put("version", 1))
                .isEqualTo(AuditSnapshot.of("Organization", id).put("name", "旅游局").put("version", 2))
                .isNotEqualTo(AuditSnapshot.of("Organization", id).put("name", "文化和旅游局").put("version", 2));
    }

    @Test
    void anEventNamesTheRecordItsStatesDescribe() {
        UUID id = UUID.randomUUID();
        AuditEvent deleted = AuditEvent.of("admin", "DELETE", null, AuditSnapshot.of("Indicator", id).put("name", "x"), null);
        assertThat(deleted.entityType()).isEqualTo("Indicator");
        assertThat(deleted.entityId()).isEqualTo(id);
    }
}
