package gov.planning.gateway.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;

import gov.planning.gateway.composition.Supergraph;

/**
 * Turns a normalized operation into fetches. A field is fetched from the subgraph that fetched its parent object
 * when that subgraph resolves it; otherwise the parent's key fields are added to the parent fetch and the field goes
 * into an entity fetch to a subgraph that can be entered at the parent's type. All fields of one parent position that
 * go to the same subgraph share that entity fetch.
 */
public final class QueryPlanner {

    private final Supergraph supergraph;

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    public QueryPlan plan(NormalizedOperation operation) {
        List<FetchNode> roots = new ArrayList<>();
        boolean mutation = operation.kind() == graphql.language.OperationDefinition.Operation.MUTATION;
        FetchNode last = null;
        for (SelectionNode field : operation.rootFields()) {
            if (field.isIntrospection() || field.isTypename()) {
                continue; // answered by the gateway itself
            }
            String owner = supergraph.rootOwner(operation.rootType(), field.fieldName())
                    .orElseThrow(() -> new RequestException("QUERY_PLANNING_FAILED", "No subgraph owns " + operation.rootType()
                            + "." + field.fieldName()));
            // A query sends all of a subgraph's root fields at once; a mutation only groups neighbours, keeping order.
            FetchNode fetch = mutation ? (last != null && last.subgraph().equals(owner) ? last : null)
                    : roots.stream().filter(r -> r.subgraph().equals(owner)).findFirst().orElse(null);
            if (fetch == null) {
                fetch = new FetchNode(owner, null, List.of(), null, List.of());
                roots.add(fetch);
            }
            fetch.fields().add(field);
            last = fetch;
        }
        for (FetchNode root : roots) {
            root.selection(selection(root.subgraph(), operation.rootType(), root.fields(), List.of(), root));
        }
        return new QueryPlan(operation, roots);
    }

    /**
     * The selection text of {@code fields} (selected on objects of {@code parentType} at {@code path}) as
     * {@code subgraph} is asked for them within {@code owner}; fields it cannot resolve become child entity fetches.
     */
    private String selection(String subgraph, String parentType, List<SelectionNode> fields, List<String> path, FetchNode owner) {
        Map<String, List<String>> byCondition = new LinkedHashMap<>();
        add(byCondition, parentType, FetchNode.TYPENAME + ": __typename");
        Map<String, FetchNode> jumps = new LinkedHashMap<>();
        for (SelectionNode field : fields) {
            String condition = field.typeCondition();
            if (field.isTypename()) {
                add(byCondition, condition, field.responseKey() + ": __typename");
            } else if (supergraph.resolves(subgraph, condition, field.fieldName())) {
                String text = field.responseKey() + ": " + field.fieldName() + arguments(field.arguments(), owner);
                if (field.isComposite()) {
                    List<String> childPath = new ArrayList<>(path);
                    childPath.add(field.responseKey());
                    text += " " + selection(subgraph, field.namedType(), field.children(), childPath, owner);
                }
                add(byCondition, condition, text);
            } else {
                String target = supergraph.entityResolver(condition, field.fieldName())
                        .orElseThrow(() -> new RequestException("QUERY_PLANNING_FAILED", condition + "." + field.fieldName()
                                + " cannot be reached from " + subgraph + ": no subgraph resolving it has a key for " + condition));
                List<String> keys = supergraph.keyFields(target, condition);
                for (String key : keys) {
                    if (!supergraph.resolves(subgraph, condition, key)) {
                        throw new RequestException("QUERY_PLANNING_FAILED", subgraph + " cannot provide the key field " + condition
                                + "." + key + " needed to fetch " + field.fieldName() + " from " + target);
                    }
                    add(byCondition, condition, FetchNode.KEY + key + ": " + key);
                }
                FetchNode jump = jumps.computeIfAbsent(target + " " + condition,
                        k -> new FetchNode(target, condition, path, condition.equals(parentType) ? null : condition, keys));
                jump.fields().add(field);
            }
        }
        for (FetchNode jump : jumps.values()) {
            jump.selection(selection(jump.subgraph(), jump.entityType(), jump.fields(), path, jump));
            owner.children().add(jump);
        }
        StringBuilder text = new StringBuilder("{ ");
        byCondition.forEach((condition, texts) -> {
            String joined = texts.stream().distinct().collect(Collectors.joining(" "));
            text.append(condition.equals(parentType) ? joined : "... on " + condition + " { " + joined + " }").append(' ');
        });
        return text.append('}').toString();
    }

    private static void add(Map<String, List<String>> byCondition, String condition, String text) {
        byCondition.computeIfAbsent(condition, c -> new ArrayList<>()).add(text);
    }

    /** The arguments as the client wrote them; variables they use are declared in the subgraph operation. */
    private static String arguments(List<Argument> arguments, FetchNode owner) {
        if (arguments.isEmpty()) {
            return "";
        }
        arguments.forEach(a -> collectVariables(a.getValue(), owner));
        return "(" + arguments.stream().map(AstPrinter::printAst).collect(Collectors.joining(", ")) + ")";
    }

    private static void collectVariables(Value<?> value, FetchNode owner) {
        if (value instanceof VariableReference reference) {
            owner.variables().add(reference.getName());
        } else if (value instanceof ArrayValue array) {
            array.getValues().forEach(v -> collectVariables(v, owner));
        } else if (value instanceof ObjectValue object) {
            object.getObjectFields().stream().map(ObjectField::getValue).forEach(v -> collectVariables(v, owner));
        }
    }
}
