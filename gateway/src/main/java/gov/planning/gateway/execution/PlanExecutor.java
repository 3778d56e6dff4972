package gov.planning.gateway.execution;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import gov.planning.gateway.planning.FetchNode;
import gov.planning.gateway.planning.NormalizedOperation;
import gov.planning.gateway.planning.QueryPlan;
import gov.planning.gateway.planning.SelectionNode;
import gov.planning.gateway.planning.SubgraphOperations;
import gov.planning.gateway.transport.SubgraphClient;
import gov.planning.gateway.transport.SubgraphException;

/**
 * Runs a query plan: root fetches first (parallel for queries, in order for mutations), then entity fetches level
 * by level. At each level the entity fetches for one subgraph go out as ONE request, one aliased {@code _entities}
 * field per fetch, each carrying every representation found at that level (duplicates sent once); the answers
 * are merged back by position. A failed request nulls the fields it should have filled and adds an error; the rest
 * of the response is still delivered.
 */
final class PlanExecutor {

    private final SubgraphClient client;

    PlanExecutor(SubgraphClient client) {
        this.client = client;
    }

    /**
     * @param shaper for a plan of one root fetch and nothing after it: its answer is shaped while it is read
     *               ({@link ExecutionContext#streamed}) instead of being parsed into {@code context.data}
     */
    CompletableFuture<Void> execute(QueryPlan plan, ExecutionContext context, ResponseShaper shaper) {
        if (plan.roots().size() == 1 && plan.levels().isEmpty() && !plan.operation().hasIntrospection()) {
            return streamedRoot(plan.roots().get(0), plan, context, shaper);
        }
        CompletableFuture<Void> roots;
        if (plan.sequentialRoots()) {
            roots = CompletableFuture.completedFuture(null);
            for (FetchNode root : plan.roots()) {
                roots = roots.thenCompose(done -> root(root, plan, context));
            }
        } else {
            roots = CompletableFuture.allOf(plan.roots().stream().map(r -> root(r, plan, context))
                    .toArray(CompletableFuture[]::new));
        }
        for (List<FetchNode> level : plan.levels()) {
            roots = roots.thenCompose(done -> level(level, plan, context));
        }
        return roots;
    }

    private CompletableFuture<Void> root(FetchNode fetch, QueryPlan plan, ExecutionContext context) {
        String query = plan.rootOperations().get(fetch);
        CompletableFuture<JsonNode> answer = plan.operation().kind() == OperationDefinition.Operation.MUTATION
                ? client.postMutation(fetch.subgraph(), query, variables(fetch, context), context.headers)
                : client.post(fetch.subgraph(), query, variables(fetch, context), context.headers);
        return answer.handle((response, failure) -> {
            if (failure != null) {
                rootFailed(fetch, context, failure);
            } else {
                rootAnswered(fetch, context, response);
            }
            return null;
        });
    }

    /**
     * The only fetch of its plan: its answer is shaped for the client while it is read, without a tree of it. An
     * answer the shaper does not take in order (NotStreamable) is parsed and shaped as any other; the client gets
     * the same text either way.
     */
    private CompletableFuture<Void> streamedRoot(FetchNode fetch, QueryPlan plan, ExecutionContext context, ResponseShaper shaper) {
        String query = plan.rootOperations().get(fetch);
        boolean mutation = plan.operation().kind() == OperationDefinition.Operation.MUTATION;
        return client.postRaw(fetch.subgraph(), query, variables(fetch, context), context.headers, mutation).handle((answer, failure) -> {
            if (failure != null) {
                rootFailed(fetch, context, failure);
                return null;
            }
            Set<String> fetched = new HashSet<>();
            fetch.fields().forEach(f -> fetched.add(f.responseKey()));
            ResponseShaper.Streamed streamed;
            try (JsonParser parser = context.mapper.createParser(answer.body().getBytes())) {
                streamed = shaper.stream(parser, plan.operation().rootType(), plan.operation().rootFields(), fetched);
            } catch (IOException | ResponseShaper.NotStreamable e) {
                streamed = null;
            }
            if (streamed != null) {
                client.countErrors(fetch.subgraph(), streamed.errors());
                synchronized (context) {
                    context.streamed = streamed.data();
                    for (JsonNode error : streamed.errors()) {
                        context.subgraphError(error, subgraphPath(error), fetch.subgraph());
                    }
                }
                return null;
            }
            try {
                rootAnswered(fetch, context, client.graphQL(fetch.subgraph(), answer.status(), answer.body()));
            } catch (SubgraphException e) {
                rootFailed(fetch, context, e);
            }
            return null;
        });
    }

    private void rootFailed(FetchNode fetch, ExecutionContext context, Throwable failure) {
        synchronized (context) {
            SubgraphException cause = cause(failure, fetch.subgraph());
            for (SelectionNode field : fetch.fields()) {
                context.data.putNull(field.responseKey());
                context.error(cause.getMessage(), List.of(field.responseKey()), cause.code(), fetch.subgraph());
            }
        }
    }

    private void rootAnswered(FetchNode fetch, ExecutionContext context, JsonNode response) {
        synchronized (context) {
            JsonNode data = response.path("data");
            for (SelectionNode field : fetch.fields()) {
                JsonNode value = data.isObject() ? data.get(field.responseKey()) : null;
                JsonNode existing = context.data.get(field.responseKey());
                if (existing != null && !existing.isNull() && value != null && !value.isNull()) {
                    // a shared root field asked of two subgraphs: both answers complete the same objects
                    ObjectNode part = context.mapper.createObjectNode();
                    part.set(field.responseKey(), value);
                    merge(context.data, part);
                } else if (value != null || existing == null) {
                    context.data.set(field.responseKey(), value == null ? context.mapper.nullNode() : value);
                }
            }
            for (JsonNode error : response.path("errors")) {
                context.subgraphError(error, subgraphPath(error), fetch.subgraph());
            }
        }
    }

    private static List<Object> subgraphPath(JsonNode error) {
        if (!error.path("path").isArray()) {
            return null;
        }
        List<Object> path = new ArrayList<>();
        error.get("path").forEach(p -> path.add(p.isInt() ? (Object) p.asInt() : p.asText()));
        return path;
    }

    /** One level of entity fetches: grouped by subgraph, one request per subgraph. */
    private CompletableFuture<Void> level(List<FetchNode> fetches, QueryPlan plan, ExecutionContext context) {
        if (fetches.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, List<FetchNode>> bySubgraph = new LinkedHashMap<>();
        fetches.forEach(f -> bySubgraph.computeIfAbsent(f.subgraph(), s -> new ArrayList<>()).add(f));
        CompletableFuture<?>[] requests = bySubgraph.entrySet().stream()
                .map(e -> entities(e.getKey(), e.getValue(), plan, context)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(requests).thenApply(done -> null);
    }

    /** An object of the response that an entity fetch completes, with its path for errors. */
    private record Target(ObjectNode object, List<Object> path, int representation) {
    }

    private record Prepared(FetchNode fetch, String alias, List<Target> targets) {
    }

    private CompletableFuture<Void> entities(String subgraph, List<FetchNode> fetches, QueryPlan plan, ExecutionContext context) {
        List<Prepared> prepared = new ArrayList<>();
        ObjectNode variables = context.mapper.createObjectNode();
        synchronized (context) {
            for (FetchNode fetch : fetches) {
                List<Target> found = new ArrayList<>();
                collect(context.data, fetch.path(), 0, new ArrayList<>(), fetch, found);
                // by value: JsonNode's equals and hashCode compare the content, no serialization needed
                Map<JsonNode, Integer> index = new java.util.HashMap<>();
                ArrayNode representations = context.mapper.createArrayNode();
                List<Target> targets = new ArrayList<>();
                for (Target target : found) {
                    ObjectNode representation = representation(target.object(), fetch, context);
                    if (representation == null) {
                        continue; // no key: the object cannot be completed; its fields stay null
                    }
                    Integer position = index.computeIfAbsent(representation, k -> {
                        representations.add(representation);
                        return representations.size() - 1;
                    });
                    targets.add(new Target(target.object(), target.path(), position));
                }
                if (targets.isEmpty()) {
                    continue;
                }
                variables.set(SubgraphOperations.representationsVariable(prepared.size()), representations);
                variables.setAll(variables(fetch, context));
                prepared.add(new Prepared(fetch, SubgraphOperations.entitiesAlias(prepared.size()), targets));
            }
        }
        if (prepared.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String query = plan.entityOperation(prepared.stream().map(Prepared::fetch).toList());
        return client.post(subgraph, query, variables, context.headers).handle((response, failure) -> {
            synchronized (context) {
                if (failure != null) {
                    SubgraphException cause = cause(failure, subgraph);
                    for (Prepared p : prepared) {
                        for (Target target : p.targets()) {
                            nullFields(target.object(), p.fetch(), context);
                            List<Object> path = new ArrayList<>(target.path());
                            path.add(p.fetch().fields().get(0).responseKey());
                            context.error(cause.getMessage(), path, cause.code(), subgraph);
                        }
                    }
                    return null;
                }
                JsonNode data = response.path("data");
                Map<String, Prepared> byAlias = new LinkedHashMap<>();
                for (Prepared p : prepared) {
                    byAlias.put(p.alias(), p);
                    JsonNode entities = data.path(p.alias());
                    for (Target target : p.targets()) {
                        JsonNode entity = entities.path(target.representation());
                        if (entity.isObject()) {
                            ObjectNode answer = (ObjectNode) entity;
                            // An @interfaceObject subgraph answers with the interface's name: the object keeps its own
                            // type. Removed from the answer itself, no copy: the answer is ours, and objects sharing
                            // its representation need the same treatment.
                            if (answer.path(FetchNode.TYPENAME).asText().equals(p.fetch().entityType()) && target.object().has(FetchNode.TYPENAME)) {
                                answer.remove(FetchNode.TYPENAME);
                            }
                            merge(target.object(), answer);
                        } else {
                            nullFields(target.object(), p.fetch(), context);
                        }
                    }
                }
                for (JsonNode error : response.path("errors")) {
                    List<Object> path = clientPath(error, byAlias);
                    context.subgraphError(error, path != null ? path : fallbackPath(error, byAlias, prepared), subgraph);
                }
                return null;
            }
        });
    }

    /**
     * An error of a whole entity fetch (a subgraph's "System error" on {@code _entities}, with no position) still needs
     * a path a client can place: the first field the failed fetch was to fill.
     */
    private static List<Object> fallbackPath(JsonNode error, Map<String, Prepared> byAlias, List<Prepared> prepared) {
        List<Object> path = subgraphPath(error);
        Prepared failed = path != null && !path.isEmpty() && byAlias.containsKey(String.valueOf(path.get(0)))
                ? byAlias.get(String.valueOf(path.get(0)))
                : prepared.get(0);
        if (failed.targets().isEmpty()) {
            return null;
        }
        List<Object> placed = new ArrayList<>(failed.targets().get(0).path());
        placed.add(failed.fetch().fields().get(0).responseKey());
        return placed;
    }

    /** {@code [_gw_e0, 2, field...]} → the response path of the first object that sent representation 2. */
    private static List<Object> clientPath(JsonNode error, Map<String, Prepared> byAlias) {
        List<Object> path = subgraphPath(error);
        if (path == null || path.size() < 2 || !byAlias.containsKey(String.valueOf(path.get(0)))) {
            return null;
        }
        Prepared p = byAlias.get(String.valueOf(path.get(0)));
        for (Target target : p.targets()) {
            if (path.get(1) instanceof Integer index && target.representation() == index) {
                List<Object> mapped = new ArrayList<>(target.path());
                mapped.addAll(path.subList(2, path.size()));
                return mapped;
            }
        }
        return null;
    }

    private static void nullFields(ObjectNode object, FetchNode fetch, ExecutionContext context) {
        for (SelectionNode field : fetch.fields()) {
            if (!object.has(field.responseKey())) {
                object.set(field.responseKey(), context.mapper.nullNode());
            }
        }
    }

    /** Deep merge: two fetches may each contribute parts of the same nested object. */
    private static void merge(ObjectNode target, ObjectNode source) {
        source.fields().forEachRemaining(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode sourceObject) {
                merge(existingObject, sourceObject);
            } else if (existing instanceof ArrayNode a && entry.getValue() instanceof ArrayNode b && a.size() == b.size()) {
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i) instanceof ObjectNode ai && b.get(i) instanceof ObjectNode bi) {
                        merge(ai, bi);
                    } else {
                        a.set(i, b.get(i));
                    }
                }
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        });
    }

    /** {@code __typename}, the key (null if a key field is null: such an object cannot be entered) and required fields. */
    private static ObjectNode representation(ObjectNode object, FetchNode fetch, ExecutionContext context) {
        ObjectNode representation = context.mapper.createObjectNode();
        representation.put("__typename", fetch.entityType());
        if (!copy(object, fetch.key(), representation, true)) {
            return null;
        }
        for (SelectionSet requires : fetch.requires()) {
            copy(object, requires, representation, false);
        }
        return representation;
    }

    /** Copies a field set's values from where the gateway fetched them ({@code _gw_key_<field>} at the top). */
    private static boolean copy(ObjectNode object, SelectionSet fieldSet, ObjectNode into, boolean key) {
        for (Selection<?> selection : fieldSet.getSelections()) {
            if (selection instanceof Field field) {
                JsonNode value = object.get(FetchNode.internalAlias(field));
                if (value == null || value.isNull()) {
                    if (key) {
                        return false;
                    }
                    into.putNull(field.getName());
                    continue;
                }
                JsonNode shaped = field.getSelectionSet() == null ? value : nested(value, field.getSelectionSet());
                JsonNode existing = into.get(field.getName());
                if (existing instanceof ObjectNode existingObject && shaped instanceof ObjectNode shapedObject) {
                    merge(existingObject, shapedObject);
                } else {
                    into.set(field.getName(), shaped);
                }
            }
        }
        return true;
    }

    /**
     * A nested part of a field set: real field names inside; {@code __typename} only where the field set selects
     * by type (an inline fragment), which is the only place the receiving subgraph needs it.
     */
    private static JsonNode nested(JsonNode value, SelectionSet selectionSet) {
        if (value.isArray()) {
            ArrayNode out = ((ArrayNode) value).arrayNode();
            value.forEach(item -> out.add(nested(item, selectionSet)));
            return out;
        }
        if (!value.isObject()) {
            return value;
        }
        ObjectNode out = ((ObjectNode) value).objectNode();
        if (value.has(FetchNode.TYPENAME) && selectionSet.getSelections().stream().anyMatch(s -> s instanceof InlineFragment)) {
            out.set("__typename", value.get(FetchNode.TYPENAME));
        }
        nestedFields(value, selectionSet, out);
        return out;
    }

    private static void nestedFields(JsonNode value, SelectionSet selectionSet, ObjectNode out) {
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field && !field.getName().equals("__typename") && value.has(field.getName())) {
                JsonNode child = value.get(field.getName());
                out.set(field.getName(), field.getSelectionSet() == null || child.isNull() ? child : nested(child, field.getSelectionSet()));
            } else if (selection instanceof InlineFragment fragment) {
                nestedFields(value, fragment.getSelectionSet(), out);
            }
        }
    }

    /** Walks {@code path} from the data root through objects and (nested) lists, skipping nulls. */
    private static void collect(JsonNode node, List<String> path, int depth, List<Object> at, FetchNode fetch, List<Target> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                at.add(i);
                collect(node.get(i), path, depth, at, fetch, out);
                at.remove(at.size() - 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (depth == path.size()) {
            if (fetch.typeFilter() == null || fetch.typeFilter().equals(node.path(FetchNode.TYPENAME).asText())) {
                out.add(new Target((ObjectNode) node, List.copyOf(at), -1));
            }
            return;
        }
        at.add(path.get(depth));
        collect(node.get(path.get(depth)), path, depth + 1, at, fetch, out);
        at.remove(at.size() - 1);
    }

    /** The client's values of the variables this fetch uses, as the client sent them (the subgraph coerces them). */
    private static ObjectNode variables(FetchNode fetch, ExecutionContext context) {
        ObjectNode values = context.mapper.createObjectNode();
        for (String name : fetch.variables()) {
            if (context.variables != null && context.variables.has(name)) {
                values.set(name, context.variables.get(name));
            }
        }
        return values;
    }

    private static SubgraphException cause(Throwable failure, String subgraph) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof SubgraphException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof SubgraphException s ? s
                : new SubgraphException(subgraph + " failed: " + failure.getMessage(), "SUBGRAPH_UNAVAILABLE", failure);
    }
}
