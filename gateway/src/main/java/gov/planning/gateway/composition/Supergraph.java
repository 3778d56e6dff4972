package gov.planning.gateway.composition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import graphql.schema.GraphQLSchema;

/**
 * The composed graph: the client-facing API schema (federation internals stripped) plus the routing facts the query
 * planner needs: which subgraph resolves each field, each subgraph's entity keys and who owns each root field.
 *
 * @param apiSchema   what client operations are validated against and introspection is answered from
 * @param apiSdl      the API schema printed, served at {@code GET /graphql/schema.graphql}
 * @param types       object and interface types by name
 * @param rootOwners  "Query" / "Mutation" → root field → the one subgraph that owns it
 * @param subgraphs   the subgraph names that took part
 */
public record Supergraph(GraphQLSchema apiSchema, String apiSdl, Map<String, TypeRouting> types,
        Map<String, Map<String, String>> rootOwners, List<String> subgraphs) {

    /**
     * Routing facts of one object or interface type.
     *
     * @param fieldSubgraphs field name → subgraphs that can resolve it (in configuration order)
     * @param keys           subgraph → the key fields of its resolvable {@code @key}; absent when that subgraph
     *                       cannot be entered at this type
     */
    public record TypeRouting(String name, Map<String, Set<String>> fieldSubgraphs, Map<String, List<String>> keys) {

        public boolean isEntity() {
            return !keys.isEmpty();
        }
    }

    public Optional<String> rootOwner(String operationType, String field) {
        return Optional.ofNullable(rootOwners.getOrDefault(operationType, Map.of()).get(field));
    }

    /** Can {@code subgraph} resolve {@code type.field} when it already holds an object of that type? */
    public boolean resolves(String subgraph, String type, String field) {
        TypeRouting routing = types.get(type);
        if (routing == null) {
            return true; // unions and introspection types: resolved wherever the object came from
        }
        Set<String> owners = routing.fieldSubgraphs().get(field);
        return owners != null && owners.contains(subgraph);
    }

    /** A subgraph that can be entered at {@code type} by key and resolves {@code field}, if any. */
    public Optional<String> entityResolver(String type, String field) {
        TypeRouting routing = types.get(type);
        if (routing == null) {
            return Optional.empty();
        }
        return routing.fieldSubgraphs().getOrDefault(field, Set.of()).stream()
                .filter(routing.keys()::containsKey).findFirst();
    }

    public List<String> keyFields(String subgraph, String type) {
        TypeRouting routing = types.get(type);
        return routing == null ? List.of() : routing.keys().getOrDefault(subgraph, List.of());
    }
}
