package gov.planning.gateway.planning;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Refuses operations too costly to plan, before validation or any subgraph call: one request must not be able to
 * make the gateway fan out, or spend its own time, without bound. Fragments count where they are spread, so hiding
 * depth, aliases or fields in fragments does not help.
 * <p>
 * The counts are computed once per fragment and added up where it is spread, never by expanding the operation: a
 * fragment spreading another twice, twenty levels down, is a million fields once expanded (and what validation,
 * normalization and planning would walk), but twenty small sums here.
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
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
        Measure measure = new Measure(fragments);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            check(measure.of(operation.getSelectionSet()));
        }
    }

    private void check(Shape shape) {
        if (shape.depth > maxDepth) {
            throw new RequestException("QUERY_TOO_DEEP", "The operation nests fields " + shape.depth + " deep (down to \""
                    + shape.deepestField + "\"); the gateway accepts at most " + maxDepth);
        }
        if (shape.introspectionDepth > MAX_INTROSPECTION_DEPTH) {
            throw new RequestException("QUERY_TOO_DEEP", "The operation's introspection (__schema/__type) nests fields "
                    + shape.introspectionDepth + " deep; the gateway accepts at most " + MAX_INTROSPECTION_DEPTH);
        }
        if (shape.aliases > maxAliases) {
            throw new RequestException("TOO_MANY_ALIASES", "The operation uses more than " + maxAliases + " aliases");
        }
        if (shape.fields > maxFields) {
            throw new RequestException("QUERY_TOO_COMPLEX", "The operation selects " + (shape.fields == Long.MAX_VALUE
                    ? "too many" : String.valueOf(shape.fields)) + " fields once every fragment is counted where it is spread;"
                    + " the gateway accepts at most " + maxFields);
        }
    }

    /**
     * What a selection set amounts to once expanded: fields and aliases (saturating, they can grow exponentially),
     * the deepest nesting outside introspection and the deepest introspection subtree.
     */
    private record Shape(long fields, long aliases, int depth, String deepestField, int introspectionDepth) {

        static final Shape EMPTY = new Shape(0, 0, 0, null, 0);

        Shape plus(Shape other) {
            boolean deeper = other.depth > depth;
            return new Shape(sum(fields, other.fields), sum(aliases, other.aliases), deeper ? other.depth : depth,
                    deeper ? other.deepestField : deepestField, Math.max(introspectionDepth, other.introspectionDepth));
        }

        static long sum(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
    }

    /** Measures selection sets, each fragment once (memoized); a fragment cycle counts as empty (validation reports it). */
    private static final class Measure {

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Shape> measured = new HashMap<>();
        private final Set<String> measuring = new HashSet<>();

        Measure(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        Shape of(SelectionSet selectionSet) {
            Shape shape = Shape.EMPTY;
            if (selectionSet == null) {
                return shape;
            }
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    shape = shape.plus(field(field));
                } else if (selection instanceof InlineFragment inline) {
                    shape = shape.plus(of(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    shape = shape.plus(fragment(spread.getName()));
                }
            }
            return shape;
        }

        private Shape field(Field field) {
            Shape below = of(field.getSelectionSet());
            long fields = Shape.sum(below.fields, 1);
            long aliases = Shape.sum(below.aliases, field.getAlias() != null ? 1 : 0);
            if (field.getName().equals("__schema") || field.getName().equals("__type")) {
                // Everything below is introspection, whatever it is called there.
                return new Shape(fields, aliases, 0, null, 1 + Math.max(below.depth, below.introspectionDepth));
            }
            return new Shape(fields, aliases, below.depth + 1, below.deepestField != null ? below.deepestField : field.getName(),
                    below.introspectionDepth);
        }

        private Shape fragment(String name) {
            Shape known = measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            if (fragment == null || !measuring.add(name)) {
                return Shape.EMPTY;
            }
            Shape shape = of(fragment.getSelectionSet());
            measuring.remove(name);
            measured.put(name, shape);
            return shape;
        }
    }
}
