package gov.planning.common.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.smallrye.graphql.api.federation.Shareable;
import io.vertx.core.json.JsonObject;

/**
 * One audited write as a screen shows it (who, when, what, which fields changed). Every service keeps its own
 * append-only audit table with the JSON state before and after a write; {@link #of} turns a row of it into this.
 */
@Type("HistoryEntry")
@Shareable
@Description("One audited write: who, when, what (the action, e.g. updateTask) and the fields it changed.")
public record HistoryEntry(@NonNull OffsetDateTime at, @NonNull String actor, @NonNull String action,
        @NonNull List<@NonNull FieldChange> changes) {

    /** From an audit row; {@code beforeJson}/{@code afterJson} are the states as JSON objects (null: none). */
    public static HistoryEntry of(OffsetDateTime at, String actor, String action, String beforeJson, String afterJson) {
        return new HistoryEntry(at, actor, action, changes(parse(beforeJson), parse(afterJson)));
    }

    /** The fields whose values differ, by name; a created record lists every field it has, a deleted one too. */
    static List<FieldChange> changes(JsonObject before, JsonObject after) {
        TreeSet<String> fields = new TreeSet<>(before.fieldNames());
        fields.addAll(after.fieldNames());
        List<FieldChange> changed = new ArrayList<>();
        for (String field : fields) {
            Object was = before.getValue(field);
            Object is = after.getValue(field);
            if (!Objects.equals(was, is)) {
                changed.add(new FieldChange(field, text(was), text(is)));
            }
        }
        return changed;
    }

    private static JsonObject parse(String json) {
        return json == null || json.isBlank() ? new JsonObject() : new JsonObject(json);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : io.vertx.core.json.Json.encode(value);
    }
}
