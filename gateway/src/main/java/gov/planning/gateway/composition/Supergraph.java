package gov.planning.gateway.composition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import graphql.language.SelectionSet;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;

/**
 * The composed graph: the client-facing API schema (federation internals stripped) plus the routing facts the query
 * planner needs: which subgraphs resolve each field (with their {@code @requires}/{@code @provides}), each subgraph's
 * view of each type (its resolvable keys, whether it sees an interface as an {@code @interfaceObject}, which
 * implementations or members it knows) and where each subgraph is.
 *
 * @param apiSchema what client operations are validated against and introspection is answered from
 * @param apiSdl    the API schema printed, served at {@code GET /graphql/schema.graphql}
 * @param types     object, interface and union types (root types included) by name
 * @param urls      subgraph name → URL given by the supergraph file; empty when the gateway composed from
 *                  configured subgraphs (their URLs are in the configuration)
 * @param implementations interface or union → every object type it can be, {@code @inaccessible} ones included
 *                  (subgraphs return them, and key or required field sets may select them); absent: the API schema's
 * @param fieldSets the {@code @key}/{@code @requires}/{@code @provides} field sets parsed so far: each text is parsed
 *                  once per supergraph, not once per request (a new supergraph starts a new one)
 */
public record Supergraph(GraphQLSchema apiSchema, String apiSdl, Map<String, TypeRouting> types, List<String> subgraphs,
        Map<String, String> urls, Map<String, List<String>> implementations, FieldSets fieldSets) {

    public Supergraph(GraphQLSchema apiSchema, String apiSdl, Map<String, TypeRouting> types, List<String> subgraphs,
            Map<String, String> urls, Map<String, List<String>> implementations) {
        this(apiSchema, apiSdl, types, subgraphs, urls, implementations, new FieldSets());
    }

    /** A field set ({@code "id org { code }"}) as a selection set; the same instance for the same text. */
    public SelectionSet fieldSet(String text) {
        return fieldSets.parse(text);
    }

    /**
     * How one subgraph sees a type.
     *
     * @param keys            the field sets of its resolvable {@code @key}s; empty when it cannot be entered at this type
     * @param interfaceObject it declares this interface as an object type ({@code @interfaceObject}): its objects
     *                        answer {@code __typename} with the interface's name
     * @param possibleTypes   for an interface or union: the object types it can return for it; null when unknown
     *                        (then every possible type of the API schema is assumed)
     */
    public record SubgraphType(List<String> keys, boolean interfaceObject, Set<String> possibleTypes) {
    }

    /**
     * One subgraph's way of resolving a field.
     *
     * @param entityType the type its representations carry: the field's own type, or the interface a subgraph adds
     *                   the field to through {@code @interfaceObject}
     * @param requires   field set it needs in the representation ({@code @requires}); null if none
     * @param provides   field set of the returned object it can also resolve on this path ({@code @provides}); null
     * @param returnType the named type the field has in this subgraph when it differs from the supergraph's (an
     *                   object type where the supergraph has a union, say); null otherwise
     * @param declaredType the field's whole type in this subgraph ({@code ID!}) when the supergraph records it
     */
    public record FieldSource(String entityType, String requires, String provides, String returnType, String declaredType) {

        public FieldSource(String entityType, String requires, String provides) {
            this(entityType, requires, provides, null, null);
        }
    }

    /**
     * @param subgraphs subgraph → its view of the type, for every subgraph that defines it
     * @param fields    field → subgraph → how it resolves the field; only subgraphs that actually resolve it
     *                  ({@code @external} and overridden fields are not listed)
     * @param fieldTypes field → its named type, {@code @inaccessible} fields included (keys may be inaccessible)
     */
    public record TypeRouting(String name, Map<String, SubgraphType> subgraphs, Map<String, Map<String, FieldSource>> fields,
            Map<String, String> fieldTypes) {

        public boolean isEntity() {
            return subgraphs.values().stream().anyMatch(s -> !s.keys().isEmpty());
        }

        /** Subgraph → its first resolvable key, split into field names (flat keys only); for tests and diagnostics. */
        public Map<String, List<String>> keys() {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            subgraphs.forEach((name, view) -> {
                if (!view.keys().isEmpty()) {
                    keys.put(name, List.of(view.keys().get(0).trim().split("[\\s,]+")));
                }
            });
            return keys;
        }

        public Map<String, Set<String>> fieldSubgraphs() {
            Map<String, Set<String>> result = new LinkedHashMap<>();
            fields.forEach((field, sources) -> result.put(field, new LinkedHashSet<>(sources.keySet())));
            return result;
        }
    }

    /** The named type of {@code type.field}; null if unknown. */
    public String fieldType(String type, String field) {
        TypeRouting routing = types.get(type);
        return routing == null ? null : routing.fieldTypes().get(field);
    }

    /** The subgraphs that resolve a root field, in supergraph order. */
    public List<String> rootOwners(String operationType, String field) {
        return new ArrayList<>(sources(operationType, field).keySet());
    }

    public Optional<String> rootOwner(String operationType, String field) {
        return rootOwners(operationType, field).stream().findFirst();
    }

    /** Subgraph → how it resolves {@code type.field}; empty for unknown types and fields nobody resolves. */
    public Map<String, FieldSource> sources(String type, String field) {
        TypeRouting routing = types.get(type);
        return routing == null ? Map.of() : routing.fields().getOrDefault(field, Map.of());
    }

    /** Can {@code subgraph} resolve {@code type.field} when it already holds an object of that type? */
    public boolean resolves(String subgraph, String type, String field) {
        TypeRouting routing = types.get(type);
        if (routing == null) {
            return true; // introspection types: resolved wherever the object came from
        }
        FieldSource source = routing.fields().getOrDefault(field, Map.of()).get(subgraph);
        return source != null && source.entityType().equals(type);
    }

    /** A subgraph that can be entered at {@code type} by key and resolves {@code field}, if any. */
    public Optional<String> entityResolver(String type, String field) {
        return sources(type, field).entrySet().stream()
                .filter(e -> !keys(e.getKey(), e.getValue().entityType()).isEmpty()).map(Map.Entry::getKey).findFirst();
    }

    /** The resolvable key field sets {@code subgraph} declares on {@code type}. */
    public List<String> keys(String subgraph, String type) {
        SubgraphType view = view(subgraph, type);
        return view == null ? List.of() : view.keys();
    }

    public List<String> keyFields(String subgraph, String type) {
        TypeRouting routing = types.get(type);
        return routing == null ? List.of() : routing.keys().getOrDefault(subgraph, List.of());
    }

    public SubgraphType view(String subgraph, String type) {
        TypeRouting routing = types.get(type);
        return routing == null ? null : routing.subgraphs().get(subgraph);
    }

    public boolean knowsType(String subgraph, String type) {
        TypeRouting routing = types.get(type);
        return routing == null || routing.subgraphs().isEmpty() || routing.subgraphs().containsKey(subgraph);
    }

    public boolean isInterfaceObject(String subgraph, String type) {
        SubgraphType view = view(subgraph, type);
        return view != null && view.interfaceObject();
    }

    public boolean isAbstract(String type) {
        if (implementations.containsKey(type)) {
            return true;
        }
        GraphQLType named = apiSchema.getType(type);
        return named instanceof GraphQLInterfaceType || named instanceof GraphQLUnionType;
    }

    /** The object types of the API schema an interface or union can be (an object type: itself). */
    public List<String> possibleTypes(String type) {
        if (implementations.containsKey(type)) {
            return implementations.get(type);
        }
        GraphQLType named = apiSchema.getType(type);
        if (named instanceof GraphQLObjectType) {
            return List.of(type);
        }
        if (named instanceof GraphQLInterfaceType iface) {
            return apiSchema.getImplementations(iface).stream().map(GraphQLObjectType::getName).toList();
        }
        if (named instanceof GraphQLUnionType union) {
            return union.getTypes().stream().map(t -> t.getName()).toList();
        }
        return List.of();
    }

    /** The object types {@code subgraph} can return where it returns {@code type}. */
    public List<String> possibleTypes(String subgraph, String type) {
        SubgraphType view = view(subgraph, type);
        List<String> all = possibleTypes(type);
        if (view == null || view.possibleTypes() == null) {
            return all.stream().filter(t -> knowsType(subgraph, t)).toList();
        }
        return all.stream().filter(view.possibleTypes()::contains).toList();
    }
}
