package gov.planning.gateway.execution;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.planning.gateway.planning.FetchNode;
import gov.planning.gateway.planning.SelectionNode;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;

/**
 * Writes the client's {@code data} as JSON text straight from the merged subgraph answers: exactly the client's
 * fields, in its order, under its aliases, without the gateway's internal fields; fields under a type condition
 * only for objects of that type; and GraphQL's null propagation (a null in a non-null position nulls the nearest
 * nullable parent: what was written for that parent is cut back and replaced by {@code null}).
 * <p>
 * Written, not built as a second tree: a copy of every answered object and its serialization afterwards were a
 * large part of the gateway's CPU per request on big answers.
 */
final class ResponseShaper {

    private final GraphQLSchema schema;
    private final ObjectMapper mapper;
    private final JsonNode introspection;
    private final StringBuilder out = new StringBuilder(4096);

    ResponseShaper(GraphQLSchema schema, ObjectMapper mapper, JsonNode introspection) {
        this.schema = schema;
        this.mapper = mapper;
        this.introspection = introspection;
    }

    /** @return the shaped object as JSON text, or null when a non-null field of it is null */
    String object(JsonNode raw, String declaredType, List<SelectionNode> fields) {
        out.setLength(0);
        return writeObject(raw, declaredType, fields) ? out.toString() : null;
    }

    /** Writes the object, or nothing (and false) when a non-null field of it is null. */
    private boolean writeObject(JsonNode raw, String declaredType, List<SelectionNode> fields) {
        int start = out.length();
        JsonNode typeNode = raw.get(FetchNode.TYPENAME);
        String typename = typeNode != null && typeNode.isTextual() ? typeNode.asText() : declaredType;
        out.append('{');
        boolean first = true;
        int count = fields.size();
        for (int i = 0; i < count; i++) {
            SelectionNode field = fields.get(i);
            if (!applies(field.typeCondition(), declaredType, typename) || answeredBefore(fields, i, declaredType, typename)) {
                continue;
            }
            String key = field.responseKey();
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append('"').append(key).append("\":"); // GraphQL names never need escaping
            if (field.isTypename()) {
                string(typename);
                continue;
            }
            if (field.isIntrospection()) {
                // null when the introspection field sat inside a fragment (only top-level ones are answered)
                JsonNode answer = introspection == null ? null : introspection.get(key);
                leaf(answer == null ? mapper.nullNode() : answer);
                continue;
            }
            JsonNode value = raw.get(key);
            if (value == null) {
                value = raw.get(FetchNode.ALIASED + key);
            }
            if (!writeValue(value, field.type(), children(fields, i, declaredType, typename))) {
                if (field.type() instanceof GraphQLNonNull) {
                    out.setLength(start);
                    return false;
                }
                out.append("null");
            }
        }
        out.append('}');
        return true;
    }

    /** The same response key under another type condition that also applies was written with this one. */
    private boolean answeredBefore(List<SelectionNode> fields, int index, String declaredType, String typename) {
        String key = fields.get(index).responseKey();
        for (int j = 0; j < index; j++) {
            SelectionNode other = fields.get(j);
            if (other.responseKey().equals(key) && applies(other.typeCondition(), declaredType, typename)) {
                return true;
            }
        }
        return false;
    }

    /** The sub-selections of every applying field with this field's response key (usually just its own). */
    private List<SelectionNode> children(List<SelectionNode> fields, int index, String declaredType, String typename) {
        SelectionNode field = fields.get(index);
        List<SelectionNode> merged = null;
        for (int j = index + 1; j < fields.size(); j++) {
            SelectionNode other = fields.get(j);
            if (other.responseKey().equals(field.responseKey()) && applies(other.typeCondition(), declaredType, typename)) {
                if (merged == null) {
                    merged = new ArrayList<>(field.children());
                }
                merged.addAll(other.children());
            }
        }
        return merged == null ? field.children() : merged;
    }

    /** Writes the value, or nothing (and false) when it is null for the client. */
    private boolean writeValue(JsonNode raw, GraphQLOutputType type, List<SelectionNode> children) {
        GraphQLOutputType unwrapped = type instanceof GraphQLNonNull nonNull ? (GraphQLOutputType) nonNull.getWrappedType() : type;
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            return false;
        }
        if (unwrapped instanceof GraphQLList list) {
            if (!raw.isArray()) {
                return false;
            }
            GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
            boolean nonNullItems = itemType instanceof GraphQLNonNull;
            int start = out.length();
            out.append('[');
            for (int i = 0; i < raw.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (!writeValue(raw.get(i), itemType, children)) {
                    if (nonNullItems) {
                        out.setLength(start);
                        return false;
                    }
                    out.append("null");
                }
            }
            out.append(']');
            return true;
        }
        if (unwrapped instanceof GraphQLObjectType || unwrapped instanceof GraphQLInterfaceType || unwrapped instanceof GraphQLUnionType) {
            if (!raw.isObject()) {
                return false;
            }
            JsonNode typeNode = raw.get(FetchNode.TYPENAME);
            if (typeNode != null && typeNode.isTextual() && schema.getType(typeNode.asText()) == null) {
                return false; // an object of a type hidden from clients (@inaccessible) is no value they can see
            }
            return writeObject(raw, ((GraphQLNamedType) unwrapped).getName(), children);
        }
        if (unwrapped instanceof GraphQLEnumType enumType && raw.isTextual() && enumType.getValue(raw.asText()) == null) {
            return false; // a value hidden from clients (@inaccessible)
        }
        leaf(raw);
        return true;
    }

    /** A scalar or enum value as the subgraph sent it (a custom scalar may be any JSON). */
    private void leaf(JsonNode value) {
        if (value.isTextual()) {
            string(value.textValue());
        } else if (value.isNumber() || value.isBoolean() || value.isNull()) {
            out.append(value.asText());
        } else {
            try {
                out.append(mapper.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a subgraph's value", e);
            }
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped, everything else as it is. */
    private void string(String text) {
        out.append('"');
        int length = text.length();
        int plain = 0; // start of the run of characters not yet written, which need no escape: appended in one go
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c != '"' && c != '\\' && c >= 0x20) {
                continue;
            }
            out.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, plain, length).append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private boolean applies(String condition, String declaredType, String runtimeType) {
        if (condition.equals(declaredType) || condition.equals(runtimeType)) {
            return true;
        }
        if (!(schema.getType(runtimeType) instanceof GraphQLObjectType runtime)) {
            return false; // an interface's own name (an @interfaceObject answer) or a type clients cannot see
        }
        if (schema.getType(condition) instanceof GraphQLInterfaceType) {
            return runtime.getInterfaces().stream().anyMatch(i -> i.getName().equals(condition));
        }
        if (schema.getType(condition) instanceof GraphQLUnionType union) {
            return union.getTypes().stream().anyMatch(t -> t.getName().equals(runtimeType));
        }
        return false;
    }
}
