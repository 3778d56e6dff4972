package gov.planning.gateway.planning;

import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * Refuses operations too costly to plan, before validation or any subgraph call: one request must not be able to
 * make the gateway fan out without bound. Fragments count where they are spread, so hiding depth or aliases in
 * fragments does not help.
 */
public final class OperationLimits {

    private final int maxDepth;
    private final int maxAliases;
    private final int maxOperationSize;

    public OperationLimits(int maxDepth, int maxAliases, int maxOperationSize) {
        this.maxDepth = maxDepth;
        this.maxAliases = maxAliases;
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
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        int[] aliases = { 0 };
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            walk(operation.getSelectionSet(), 1, fragments, new HashSet<>(), aliases);
        }
    }

    private void walk(SelectionSet selectionSet, int depth, Map<String, FragmentDefinition> fragments, Set<String> spreading,
            int[] aliases) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                if (depth > maxDepth) {
                    throw new RequestException("QUERY_TOO_DEEP", "The operation nests fields " + depth
                            + " deep at \"" + field.getName() + "\"; the gateway accepts at most " + maxDepth);
                }
                if (field.getAlias() != null && ++aliases[0] > maxAliases) {
                    throw new RequestException("TOO_MANY_ALIASES", "The operation uses more than " + maxAliases + " aliases");
                }
                walk(field.getSelectionSet(), depth + 1, fragments, spreading, aliases);
            } else if (selection instanceof InlineFragment inline) {
                walk(inline.getSelectionSet(), depth, fragments, spreading, aliases);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                // A cycle is a validation error reported later; here it must only not loop.
                if (fragment != null && spreading.add(spread.getName())) {
                    walk(fragment.getSelectionSet(), depth, fragments, spreading, aliases);
                    spreading.remove(spread.getName());
                }
            }
        }
    }
}
