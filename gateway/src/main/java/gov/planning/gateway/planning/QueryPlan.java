package gov.planning.gateway.planning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to fetch from which subgraph, in which order. Root fetches of a query run in parallel, those of a mutation one
 * after another; then the plan proceeds level by level through the children, so all entity fetches of one level
 * that go to the same subgraph can share a single request. Read-only once planned (its fetches and selections are
 * frozen), so one plan serves every request of the same operation; what every request would otherwise derive again
 * (the levels, the subgraph operations as text) is derived here, once.
 *
 * @param levels entity fetches by level (level 1 first); a fetch runs one level after the last of its dependencies
 * @param rootOperations each root fetch's operation, as sent
 * @param entityOperations per level and subgraph, the operation of all its entity fetches, as sent when each of them
 *        found objects to complete
 */
public record QueryPlan(NormalizedOperation operation, List<FetchNode> roots, List<List<FetchNode>> levels,
        Map<FetchNode, String> rootOperations, Map<List<FetchNode>, String> entityOperations) {

    public QueryPlan {
        roots = List.copyOf(roots);
        levels = levels.stream().map(List::copyOf).toList();
        rootOperations = Map.copyOf(rootOperations);
        entityOperations = Map.copyOf(entityOperations);
    }

    QueryPlan(NormalizedOperation operation, List<FetchNode> roots) {
        this(operation, roots, levels(roots));
    }

    private QueryPlan(NormalizedOperation operation, List<FetchNode> roots, List<List<FetchNode>> levels) {
        this(operation, roots, levels, rootOperations(operation, roots), entityOperations(operation, levels));
    }

    public boolean sequentialRoots() {
        return operation.kind() == graphql.language.OperationDefinition.Operation.MUTATION;
    }

    /** The operation sent for these entity fetches of one level and subgraph (those that found objects to complete). */
    public String entityOperation(List<FetchNode> fetches) {
        String known = entityOperations.get(fetches);
        return known != null ? known : SubgraphOperations.entities(fetches, operation);
    }

    private static Map<FetchNode, String> rootOperations(NormalizedOperation operation, List<FetchNode> roots) {
        Map<FetchNode, String> operations = new LinkedHashMap<>();
        roots.forEach(root -> operations.put(root, SubgraphOperations.root(root, operation)));
        return operations;
    }

    private static Map<List<FetchNode>, String> entityOperations(NormalizedOperation operation, List<List<FetchNode>> levels) {
        Map<List<FetchNode>, String> operations = new LinkedHashMap<>();
        for (List<FetchNode> level : levels) {
            Map<String, List<FetchNode>> bySubgraph = new LinkedHashMap<>();
            level.forEach(f -> bySubgraph.computeIfAbsent(f.subgraph(), s -> new ArrayList<>()).add(f));
            bySubgraph.values().forEach(fetches -> operations.put(List.copyOf(fetches), SubgraphOperations.entities(fetches, operation)));
        }
        return operations;
    }

    /** Fetches that need nothing from each other share a level (and a request per subgraph). */
    private static List<List<FetchNode>> levels(List<FetchNode> roots) {
        Map<FetchNode, Integer> level = new LinkedHashMap<>();
        roots.forEach(r -> level.put(r, 0));
        Deque<FetchNode> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            FetchNode node = queue.poll();
            for (FetchNode child : node.children()) {
                if (child.dependencies().stream().allMatch(level::containsKey)) {
                    int depth = 1 + child.dependencies().stream().mapToInt(level::get).max().orElse(0);
                    if (!Integer.valueOf(depth).equals(level.get(child))) {
                        level.put(child, depth);
                        queue.add(child);
                    }
                }
            }
        }
        postponeLeaves(level);
        List<List<FetchNode>> levels = new ArrayList<>();
        level.forEach((node, depth) -> {
            if (depth > 0) {
                while (levels.size() < depth) {
                    levels.add(new ArrayList<>());
                }
                levels.get(depth - 1).add(node);
            }
        });
        return levels;
    }

    /**
     * An entity fetch nothing waits for moves to the last level that asks its subgraph anyway, where it shares that
     * request: one round trip fewer, and the answer comes no later, since that level runs before the response is
     * complete in any case. (The public benchmark's nested query: {@code inStock} for three groups of products and
     * their {@code shippingEstimate}, which must wait for {@code price} and {@code weight}, become one inventory request.)
     */
    private static void postponeLeaves(Map<FetchNode, Integer> level) {
        Map<String, Integer> lastLevel = new LinkedHashMap<>();
        level.forEach((node, depth) -> {
            if (depth > 0) {
                lastLevel.merge(node.subgraph(), depth, Math::max);
            }
        });
        level.replaceAll((node, depth) -> depth > 0 && node.children().stream().noneMatch(level::containsKey)
                ? lastLevel.get(node.subgraph())
                : depth);
    }
}
