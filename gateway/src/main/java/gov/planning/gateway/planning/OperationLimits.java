package gov.planning.gateway.planning;

import gov.planning.operation.OperationShape;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Document;

/**
 * Refuses operations too costly to plan, before validation or any subgraph call: one request must not be able to
 * make the gateway fan out, or spend its own time, without bound. Fragments count where they are spread, so hiding
 * depth, aliases or fields in fragments does not help.
 * <p>
 * The counts come from {@link OperationShape}, never from expanding the operation (the subgraphs use the same measure).
 * <p>
 * The {@code __schema}/{@code __type} subtree has its own depth bound: the standard introspection query (graphql-js
 * {@code getIntrospectionQuery()}, sent by GraphiQL, code generators and IDEs) nests {@code ofType} fifteen levels
 * deep. Its bound is graphql-java's good-faith one, whose other rules (each of {@code __Type.fields},
 * {@code inputFields}, {@code interfaces}, {@code possibleTypes} at most once) graphql-java applies when it answers
 * the introspection; its fields still count towards the operation's field budget.
 */
public final class OperationLimits {

    /** The deepest {@code __schema}/{@code __type} subtree accepted (the standard introspection query needs 15). */
    public static final int MAX_INTROSPECTION_DEPTH = GoodFaithIntrospection.GOOD_FAITH_MAX_DEPTH_COUNT;

    private final int maxDepth;
    private final int maxAliases;
    private final int maxFields;
    private final int maxOperationSize;

    public OperationLimits(int maxDepth, int maxAliases, int maxFields, int maxOperationSize) {
        this.maxDepth = maxDepth;
        this.maxAliases = maxAliases;
        this.maxFields = maxFields;
        this.maxOperationSize = maxOperationSize;
    }

    public void checkSize(String query) {
        if (query.length() > maxOperationSize) {
            throw new RequestException("QUERY_TOO_LARGE", "The operation has " + query.length()
                    + " characters; the gateway accepts at most " + maxOperationSize);
        }
    }

    public void checkShape(Document document) {
        OperationShape.of(document).forEach(this::check);
    }

    private void check(OperationShape shape) {
        if (shape.depth() > maxDepth) {
            throw new RequestException("QUERY_TOO_DEEP", "The operation nests fields " + shape.depth() + " deep (down to \""
                    + shape.deepestField() + "\"); the gateway accepts at most " + maxDepth);
        }
        if (shape.introspectionDepth() > MAX_INTROSPECTION_DEPTH) {
            throw new RequestException("QUERY_TOO_DEEP", "The operation's introspection (__schema/__type) nests fields "
                    + shape.introspectionDepth() + " deep; the gateway accepts at most " + MAX_INTROSPECTION_DEPTH);
        }
        if (shape.aliases() > maxAliases) {
            throw new RequestException("TOO_MANY_ALIASES", "The operation uses more than " + maxAliases + " aliases");
        }
        if (shape.fields() > maxFields) {
            throw new RequestException("QUERY_TOO_COMPLEX", "The operation selects " + (shape.fields() == Long.MAX_VALUE
                    ? "too many" : String.valueOf(shape.fields())) + " fields once every fragment is counted where it is spread;"
                    + " the gateway accepts at most " + maxFields);
        }
    }
}
