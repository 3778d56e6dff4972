package gov.planning.gateway.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * Builds the client's {@code data} from the merged subgraph answers: exactly the client's fields, in its order,
 * under its aliases, without the gateway's internal fields; fields under a type condition only for objects of that
 * type; and GraphQL's null propagation (a null in a non-null position nulls the nearest nullable parent).
 */
final class ResponseShaper {

    private final GraphQLSchema schema;
    private final ObjectMapper mapper;
    private final JsonNode introspection;

    ResponseShaper(GraphQLSchema schema, ObjectMapper mapper, JsonNode introspection) {
        this.schema = schema;
        this.mapper = mapper;
        this.introspection = introspection;
    }

    /** @return the shaped object, or null when a non-null field of it is null */
    ObjectNode object(JsonNode raw, String declaredType, List<SelectionNode> fields) {
        String typename = raw.path(FetchNode.TYPENAME).isTextual() ? raw.get(FetchNode.TYPENAME).asText() : declaredType;
        Map<String, List<SelectionNode>> byKey = new LinkedHashMap<>();
        for (SelectionNode field : fields) {
            if (applies(field.typeCondition(), declaredType, typename)) {
                byKey.computeIfAbsent(field.responseKey(), k -> new ArrayList<>()).add(field);
            }
        }
        ObjectNode out = mapper.createObjectNode();
        for (Map.Entry<String, List<SelectionNode>> entry : byKey.entrySet()) {
            SelectionNode field = entry.getValue().get(0);
            String key = entry.getKey();
            if (field.isTypename()) {
                out.put(key, typename);
                continue;
            }
            if (field.isIntrospection()) {
                // null when the introspection field sat inside a fragment (only top-level ones are answered)
                JsonNode answer = introspection == null ? null : introspection.get(key);
                out.set(key, answer == null ? mapper.nullNode() : answer);
                continue;
            }
            List<SelectionNode> children = entry.getValue().size() == 1 ? field.children()
                    : entry.getValue().stream().flatMap(f -> f.children().stream()).toList();
            JsonNode value = value(raw.has(key) ? raw.get(key) : raw.get(FetchNode.ALIASED + key), field.type(), children);
            if (value == null) {
                if (field.type() instanceof GraphQLNonNull) {
                    return null;
                }
                out.putNull(key);
            } else {
                out.set(key, value);
            }
        }
        return out;
    }

    private JsonNode value(JsonNode raw, GraphQLOutputType type, List<SelectionNode> children) {
        GraphQLOutputType unwrapped = type instanceof GraphQLNonNull nonNull ? (GraphQLOutputType) nonNull.getWrappedType() : type;
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            return null;
        }
        if (unwrapped instanceof GraphQLList list) {
            if (!raw.isArray()) {
                return null;
            }
            GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
            ArrayNode out = mapper.createArrayNode();
            for (JsonNode item : raw) {
                JsonNode value = value(item, itemType, children);
                if (value == null && itemType instanceof GraphQLNonNull) {
                    return null;
                }
                out.add(value == null ? mapper.nullNode() : value);
            }
            return out;
        }
        if (unwrapped instanceof GraphQLObjectType || unwrapped instanceof GraphQLInterfaceType || unwrapped instanceof GraphQLUnionType) {
            if (!raw.isObject() || raw.path(FetchNode.TYPENAME).isTextual() && schema.getType(raw.get(FetchNode.TYPENAME).asText()) == null) {
                return null; // an object of a type hidden from clients (@inaccessible) is no value they can see
            }
            return object(raw, ((GraphQLNamedType) unwrapped).getName(), children);
        }
        if (unwrapped instanceof GraphQLEnumType enumType && raw.isTextual() && enumType.getValue(raw.asText()) == null) {
            return null; // a value hidden from clients (@inaccessible)
        }
        return raw;
    }

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
