package gov.planning.operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * What an operation amounts to once every fragment is expanded where it is spread, computed without expanding: each
 * fragment is measured once and added up wherever it is spread. A fragment spreading another twice, twenty levels
 * down, is a million fields once expanded (what validation, normalization, planning and execution would walk), but
 * twenty small sums here, linear in the document's size. The gateway and every subgraph refuse an operation by it
 * before anything else looks at the operation.
 *
 * @param fields the fields once expanded (saturating at {@link Long#MAX_VALUE}: they can grow exponentially)
 * @param aliases the aliased fields once expanded (saturating too)
 * @param depth the deepest nesting of fields outside introspection
 * @param deepestField the innermost field of that nesting (for messages)
 * @param introspectionDepth the deepest {@code __schema}/{@code __type} subtree, counted on its own: the standard
 *        introspection query nests {@code ofType} fifteen levels deep
 */
public record OperationShape(long fields, long aliases, int depth, String deepestField, int introspectionDepth) {

    static final OperationShape EMPTY = new OperationShape(0, 0, 0, null, 0);

    /** One shape per operation of the document, in the document's order. A fragment cycle counts as empty (validation reports it). */
    public static List<OperationShape> of(Document document) {
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
        Measure measure = new Measure(fragments);
        List<OperationShape> shapes = new ArrayList<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            shapes.add(measure.of(operation.getSelectionSet()));
        }
        return shapes;
    }

    OperationShape plus(OperationShape other) {
        boolean deeper = other.depth > depth;
        return new OperationShape(sum(fields, other.fields), sum(aliases, other.aliases), deeper ? other.depth : depth,
                deeper ? other.deepestField : deepestField, Math.max(introspectionDepth, other.introspectionDepth));
    }

    static long sum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** Measures selection sets, each fragment once (memoized). */
    private static final class Measure {

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, OperationShape> measured = new HashMap<>();
        private final Set<String> measuring = new HashSet<>();

        Measure(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        OperationShape of(SelectionSet selectionSet) {
            OperationShape shape = EMPTY;
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

        private OperationShape field(Field field) {
            OperationShape below = of(field.getSelectionSet());
            long fields = sum(below.fields, 1);
            long aliases = sum(below.aliases, field.getAlias() != null ? 1 : 0);
            if (field.getName().equals("__schema") || field.getName().equals("__type")) {
                // Everything below is introspection, whatever it is called there.
                return new OperationShape(fields, aliases, 0, null, 1 + Math.max(below.depth, below.introspectionDepth));
            }
            return new OperationShape(fields, aliases, below.depth + 1,
                    below.deepestField != null ? below.deepestField : field.getName(), below.introspectionDepth);
        }

        private OperationShape fragment(String name) {
            OperationShape known = measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            if (fragment == null || !measuring.add(name)) {
                return EMPTY;
            }
            OperationShape shape = of(fragment.getSelectionSet());
            measuring.remove(name);
            measured.put(name, shape);
            return shape;
        }
    }
}
