package gov.planning.gateway.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.Scalars;
import graphql.language.BooleanValue;
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
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * Flattens a validated operation: fragments are inlined with their type condition remembered, {@code @skip} and
 * {@code @include} are decided with the request's variables, and fields with the same response key merge.
 */
public final class OperationNormalizer {

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
    private final Map<String, Object> variables;

    public OperationNormalizer(GraphQLSchema schema, Document document, Map<String, Object> coercedVariables) {
        this.schema = schema;
        this.variables = coercedVariables;
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
    }

    /** The operation to run: the named one, or the only one. */
    public static OperationDefinition select(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName != null && !operationName.isBlank()) {
            return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst()
                    .orElseThrow(() -> new RequestException("OPERATION_NOT_FOUND", "No operation named \"" + operationName + "\""));
        }
        if (operations.size() != 1) {
            throw new RequestException("OPERATION_NAME_REQUIRED", "The document has " + operations.size()
                    + " operations: say which to run with operationName");
        }
        return operations.get(0);
    }

    public NormalizedOperation normalize(OperationDefinition operation) {
        GraphQLCompositeType root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            default -> throw new RequestException("OPERATION_NOT_SUPPORTED", "Subscriptions are not supported by the gateway");
        };
        NormalizedOperation result = new NormalizedOperation(operation.getOperation(), root.getName(), new java.util.ArrayList<>(),
                new LinkedHashMap<>(), operation);
        operation.getVariableDefinitions().forEach(v -> result.variableDefinitions().put(v.getName(), v));
        collect(operation.getSelectionSet(), root, result.rootFields());
        return result;
    }

    private void collect(SelectionSet selectionSet, GraphQLCompositeType scope, List<SelectionNode> out) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                if (skipped(field.getDirectives())) {
                    continue;
                }
                addField(field, scope, out);
            } else if (selection instanceof InlineFragment inline) {
                if (skipped(inline.getDirectives())) {
                    continue;
                }
                GraphQLCompositeType condition = inline.getTypeCondition() == null ? scope
                        : (GraphQLCompositeType) schema.getType(inline.getTypeCondition().getName());
                collect(inline.getSelectionSet(), condition, out);
            } else if (selection instanceof FragmentSpread spread) {
                if (skipped(spread.getDirectives())) {
                    continue;
                }
                FragmentDefinition fragment = fragments.get(spread.getName());
                collect(fragment.getSelectionSet(), (GraphQLCompositeType) schema.getType(fragment.getTypeCondition().getName()), out);
            }
        }
    }

    private void addField(Field field, GraphQLCompositeType scope, List<SelectionNode> out) {
        String key = field.getAlias() != null ? field.getAlias() : field.getName();
        SelectionNode node = out.stream()
                .filter(n -> n.responseKey().equals(key) && n.typeCondition().equals(scope.getName()))
                .findFirst().orElse(null);
        if (node == null) {
            node = switch (field.getName()) {
                case "__typename" -> new SelectionNode(key, field.getName(), List.of(), scope.getName(),
                        GraphQLNonNull.nonNull(Scalars.GraphQLString));
                case "__schema", "__type" -> new SelectionNode(key, field.getName(), field.getArguments(), scope.getName(), null);
                default -> {
                    GraphQLFieldDefinition definition = ((GraphQLFieldsContainer) scope).getFieldDefinition(field.getName());
                    yield new SelectionNode(key, field.getName(), field.getArguments(), scope.getName(), definition.getType());
                }
            };
            out.add(node);
        }
        if (node.isComposite()) {
            collect(field.getSelectionSet(), (GraphQLCompositeType) GraphQLTypeUtil.unwrapAll(node.type()), node.children());
        }
    }

    private boolean skipped(List<Directive> directives) {
        for (Directive directive : directives) {
            if (directive.getName().equals("skip") && condition(directive)) {
                return true;
            }
            if (directive.getName().equals("include") && !condition(directive)) {
                return true;
            }
        }
        return false;
    }

    private boolean condition(Directive directive) {
        var value = directive.getArgument("if").getValue();
        if (value instanceof BooleanValue b) {
            return b.isValue();
        }
        if (value instanceof VariableReference v) {
            return Boolean.TRUE.equals(variables.get(v.getName()));
        }
        return false;
    }
}
