package gov.planning.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class HistoryEntryTest {

    @Test
    void anUpdateListsOnlyTheFieldsWhoseValueChanged() {
        HistoryEntry entry = HistoryEntry.of(OffsetDateTime.now(), "planner", "updateTask",
                "{\"status\":\"NOT_STARTED\",\"title\":\"城市更新\",\"deadline\":\"2025-12-31\",\"leadOrgIds\":[\"a\"]}",
                "{\"status\":\"IN_PROGRESS\",\"title\":\"城市更新\",\"deadline\":\"2025-12-31\",\"leadOrgIds\":[\"a\",\"b\"]}");
        assertThat(entry.changes()).containsExactly(
                new FieldChange("leadOrgIds", "[\"a\"]", "[\"a\",\"b\"]"),
                new FieldChange("status", "NOT_STARTED", "IN_PROGRESS"));
    }

    @Test
    void aCreatedRecordShowsEveryFieldAsNew() {
        HistoryEntry entry = HistoryEntry.of(OffsetDateTime.now(), "planner", "createTask", null, "{\"title\":\"城市更新\",\"percent\":30}");
        assertThat(entry.changes()).containsExactly(new FieldChange("percent", null, "30"), new FieldChange("title", null, "城市更新"));
    }
}
