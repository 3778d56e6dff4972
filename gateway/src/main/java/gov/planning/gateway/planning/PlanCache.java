package gov.planning.gateway.planning;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gov.planning.gateway.composition.Supergraph;
import gov.planning.gateway.composition.SupergraphCache;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;

/**
 * Query plans of one supergraph, by what decides them: the operation's text, which operation of it runs, and the
 * values of the variables its {@code @skip}/{@code @include} use (every other variable is forwarded to the subgraphs,
 * never planned in). Plans are read-only, so one serves concurrent requests. A new supergraph (a recomposition that
 * changed anything) empties it. Bounded ({@link SupergraphCache}).
 */
public final class PlanCache {

    /**
     * @param conditions every variable an {@code @skip}/{@code @include} of the document uses → whether it is
     *                   {@code true} in this request (sorted by name)
     */
    public record Key(String query, String operationName, Map<String, Boolean> conditions) {
    }

    private final SupergraphCache<Key, QueryPlan> plans;

    public PlanCache(int maxEntries) {
        this.plans = new SupergraphCache<>(maxEntries);
    }

    public static Key key(String query, Document document, OperationDefinition operation, Map<String, Object> coercedVariables) {
        Map<String, Boolean> conditions = new TreeMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition o && o == operation) {
                conditions(o.getSelectionSet(), coercedVariables, conditions);
            } else if (definition instanceof FragmentDefinition f) {
                conditions(f.getSelectionSet(), coercedVariables, conditions);
            }
        }
        return new Key(query, operation.getName(), conditions);
    }

    private static void conditions(SelectionSet selections, Map<String, Object> variables, Map<String, Boolean> out) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            List<Directive> directives = selection instanceof Field f ? f.getDirectives()
                    : selection instanceof InlineFragment i ? i.getDirectives()
                    : selection instanceof FragmentSpread s ? s.getDirectives() : List.of();
            for (Directive directive : directives) {
                if ((directive.getName().equals("skip") || directive.getName().equals("include"))
                        && directive.getArgument("if") != null && directive.getArgument("if").getValue() instanceof VariableReference v) {
                    out.put(v.getName(), Boolean.TRUE.equals(variables.get(v.getName())));
                }
            }
            if (selection instanceof Field f) {
                conditions(f.getSelectionSet(), variables, out);
            } else if (selection instanceof InlineFragment i) {
                conditions(i.getSelectionSet(), variables, out);
            }
        }
    }

    /** The plan made for this key against this very supergraph; null if none. */
    public QueryPlan get(Supergraph supergraph, Key key) {
        return plans.get(supergraph, key);
    }

    public void put(Supergraph supergraph, Key key, QueryPlan plan) {
        plans.put(supergraph, key, plan);
    }

    public long size() {
        return plans.size();
    }
}
