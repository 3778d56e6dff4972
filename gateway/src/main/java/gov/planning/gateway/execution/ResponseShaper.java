package gov.planning.gateway.execution;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;

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
 * large part of the gateway's CPU per request on big answers. A plan with one root fetch and nothing after it does
 * not need the answer's tree at all: {@link #stream} shapes while it reads (decision 0021).
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

    /** What {@link #stream} read: the client's data as JSON text and the subgraph's errors (missing if none). */
    record Streamed(String data, JsonNode errors) {
    }

    /**
     * The answer is not in the shape {@link #stream} relies on; the caller shapes it from its tree instead, which
     * handles every case (the order of the fields, duplicate keys, null propagation, hidden types).
     */
    static final class NotStreamable extends Exception {
        private static final NotStreamable INSTANCE = new NotStreamable();

        private NotStreamable() {
            super("not streamable", null, false, false);
        }
    }

    /**
     * Shapes a subgraph's whole GraphQL answer while reading it, for a plan with one root fetch and nothing after it,
     * writing exactly what {@link #object} writes from the tree the same answer parses to (through the same
     * {@link #applies}, {@link #children}, {@link #leaf} and {@link #string}), without building that tree. It takes
     * the answer's fields in the order the client selected them, which a GraphQL server keeps; wherever reading in
     * order could differ from looking fields up by name (a field missing, extra or repeated, a helper field other than
     * a leading {@code _gw_typename}, a null that propagates to its parent, a type clients cannot see) it gives up
     * with {@link NotStreamable}, having changed nothing but its own buffer.
     *
     * @param fetched the response keys the root fetch asked for: the only root fields taken from its answer
     */
    Streamed stream(JsonParser parser, String rootType, List<SelectionNode> fields, Set<String> fetched)
            throws IOException, NotStreamable {
        out.setLength(0);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw NotStreamable.INSTANCE;
        }
        String data = null;
        JsonNode errors = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("data")) {
                if (data != null || value != JsonToken.START_OBJECT) {
                    throw NotStreamable.INSTANCE;
                }
                streamObject(parser, rootType, fields, fetched);
                data = out.toString();
            } else if (name.equals("errors")) {
                if (errors != null) {
                    throw NotStreamable.INSTANCE;
                }
                errors = value == JsonToken.VALUE_NULL ? NullNode.getInstance() : mapper.readTree(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT || data == null) {
            throw NotStreamable.INSTANCE;
        }
        return new Streamed(data, errors == null ? MissingNode.getInstance() : errors);
    }

    /**
     * {@link #writeObject} reading the object from the parser (at its START_OBJECT). At the root the type is the
     * operation's root type and only {@code fetched} fields are taken, as the tree path does with the root fetch's
     * fields; below, the type is the leading {@code _gw_typename}, which the planner selects first in every object.
     */
    private void streamObject(JsonParser parser, String declaredType, List<SelectionNode> fields, Set<String> fetched)
            throws IOException, NotStreamable {
        JsonToken token = parser.nextToken();
        String typename = declaredType;
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals(FetchNode.TYPENAME)) {
            JsonToken value = parser.nextToken();
            if (fetched == null && value == JsonToken.VALUE_STRING) {
                typename = parser.getText();
                if (schema.getType(typename) == null) {
                    throw NotStreamable.INSTANCE; // hidden from clients (@inaccessible): null, or its parent's
                }
            } else {
                parser.skipChildren();
            }
            token = parser.nextToken();
        }
        out.append('{');
        boolean first = true;
        int count = fields.size();
        for (int i = 0; i < count; i++) {
            SelectionNode field = fields.get(i);
            if (!written(fields, i, declaredType, typename)) {
                continue;
            }
            String key = field.responseKey();
            key(key, first);
            first = false;
            if (field.isTypename()) {
                if (token == JsonToken.FIELD_NAME && parser.currentName().equals(key)) {
                    parser.nextToken(); // the subgraph's own __typename: the tree path ignores it too
                    parser.skipChildren();
                    token = parser.nextToken();
                }
                string(typename);
                continue;
            }
            if (field.isIntrospection() || token != JsonToken.FIELD_NAME || !parser.currentName().equals(key)
                    || (fetched != null && !fetched.contains(key))) {
                throw NotStreamable.INSTANCE;
            }
            parser.nextToken();
            if (!streamValue(parser, field.type(), children(fields, i, declaredType, typename))) {
                if (field.type() instanceof GraphQLNonNull) {
                    throw NotStreamable.INSTANCE;
                }
                out.append("null");
            }
            token = parser.nextToken();
        }
        if (token != JsonToken.END_OBJECT) {
            throw NotStreamable.INSTANCE;
        }
        out.append('}');
    }

    /** {@link #writeValue} reading the value from the parser (at its first token, which it leaves at its last). */
    private boolean streamValue(JsonParser parser, GraphQLOutputType type, List<SelectionNode> children)
            throws IOException, NotStreamable {
        GraphQLOutputType unwrapped = type instanceof GraphQLNonNull nonNull ? (GraphQLOutputType) nonNull.getWrappedType() : type;
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        if (unwrapped instanceof GraphQLList list) {
            if (token != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return false;
            }
            GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
            boolean nonNullItems = itemType instanceof GraphQLNonNull;
            out.append('[');
            boolean first = true;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (!streamValue(parser, itemType, children)) {
                    if (nonNullItems) {
                        throw NotStreamable.INSTANCE;
                    }
                    out.append("null");
                }
            }
            out.append(']');
            return true;
        }
        if (unwrapped instanceof GraphQLObjectType || unwrapped instanceof GraphQLInterfaceType || unwrapped instanceof GraphQLUnionType) {
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return false;
            }
            streamObject(parser, ((GraphQLNamedType) unwrapped).getName(), children, null);
            return true;
        }
        switch (token) {
            case VALUE_STRING -> {
                String text = parser.getText();
                if (unwrapped instanceof GraphQLEnumType enumType && enumType.getValue(text) == null) {
                    return false; // a value hidden from clients (@inaccessible)
                }
                string(text);
            }
            // the text the tree's IntNode/LongNode/BigIntegerNode gives, not the digits as sent ("-0" is 0)
            case VALUE_NUMBER_INT -> out.append(switch (parser.getNumberType()) {
                case INT -> Integer.toString(parser.getIntValue());
                case LONG -> Long.toString(parser.getLongValue());
                default -> parser.getBigIntegerValue().toString();
            });
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            // floats and JSON values of custom scalars: the very node the tree would hold, written as it is written
            default -> leaf(mapper.readTree(parser));
        }
        return true;
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
            if (!written(fields, i, declaredType, typename)) {
                continue;
            }
            String key = field.responseKey();
            key(key, first);
            first = false;
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

    /** Field {@code index} is written for an object of this type: its condition applies, its key was not written yet. */
    private boolean written(List<SelectionNode> fields, int index, String declaredType, String typename) {
        return applies(fields.get(index).typeCondition(), declaredType, typename) && !answeredBefore(fields, index, declaredType, typename);
    }

    /** A field's key, after a comma unless it is the object's first. */
    private void key(String key, boolean first) {
        if (!first) {
            out.append(',');
        }
        out.append('"').append(key).append("\":"); // GraphQL names never need escaping
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
