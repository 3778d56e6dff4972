package gov.planning.common.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The state of one audited record that the audit trail keeps before and after a write, with one set of rules for
 * every service: ids, enums and everything else that is not a number, a boolean, a list or a map as strings
 * (dates and times ISO-8601, which is what {@code java.time}'s {@code toString} gives), nulls kept, and the fields a
 * history never shows left out here, once: the record's own id (the entry names it) and its optimistic version
 * (it changes with every write).
 */
public final class AuditSnapshot {

    /** The fields a history never shows; {@link #put} drops them. */
    public static final Set<String> OMITTED = Set.of("id", "version");

    private final String entityType;
    private final UUID entityId;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private AuditSnapshot(String entityType, UUID entityId) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.entityId = Objects.requireNonNull(entityId, "entityId");
    }

    /** The state of the record {@code entityId} of type {@code entityType} ("Plan", "Indicator", "Organization" …). */
    public static AuditSnapshot of(String entityType, UUID entityId) {
        return new AuditSnapshot(entityType, entityId);
    }

    /** Adds a field (by the rules above); a value may also be a collection or a map of such values. */
    public AuditSnapshot put(String field, Object value) {
        if (!OMITTED.contains(field)) {
            fields.put(field, value(value));
        }
        return this;
    }

    public String entityType() {
        return entityType;
    }

    public UUID entityId() {
        return entityId;
    }

    /** The JSON object the audit trail stores. */
    public String json() {
        return new JsonObject(fields).encode();
    }

    /** Same record, same fields and values: a write that changed nothing compares equal and need not be audited. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AuditSnapshot that && entityType.equals(that.entityType) && entityId.equals(that.entityId)
                && json().equals(that.json());
    }

    @Override
    public int hashCode() {
        return Objects.hash(entityType, entityId, json());
    }

    @Override
    public String toString() {
        return entityType + " " + entityId + " " + json();
    }

    private static Object value(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof String) {
            return value;
        }
        if (value instanceof Collection<?> items) {
            ArrayList<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(value(item)));
            return new JsonArray(list);
        }
        if (value instanceof Object[] items) {
            return value(Arrays.asList(items));
        }
        if (value instanceof Map<?, ?> map) {
            // Nested records (a task's milestones) keep their id: it tells which one of them changed.
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((k, v) -> object.put(String.valueOf(k), value(v)));
            return new JsonObject(object);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString(); // ids, dates and times (ISO-8601) and anything else as text
    }
}
