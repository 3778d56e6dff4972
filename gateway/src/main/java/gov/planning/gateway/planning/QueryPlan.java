package gov.planning.gateway.planning;

import java.util.List;

/**
 * What to fetch from which subgraph, in which order. Root fetches of a query run in parallel, those of a mutation one
 * after another; then the plan proceeds level by level through the children, so all entity fetches of one level
 * that go to the same subgraph can share a single request. Read-only once planned (its fetches and selections are
 * frozen), so one plan serves every request of the same operation.
 */
public record QueryPlan(NormalizedOperation operation, List<FetchNode> roots) {

    public QueryPlan {
        roots = List.copyOf(roots);
    }

    public boolean sequentialRoots() {
        return operation.kind() == graphql.language.OperationDefinition.Operation.MUTATION;
    }
}
