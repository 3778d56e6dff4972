package gov.planning.common.error;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gov.planning.operation.OperationShape;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a subgraph refuses in a parsed operation before SmallRye and graphql-java see it, each in time linear in the
 * document's size:
 * <ul>
 * <li>more fields than {@code maxFields} once every fragment is counted where it is spread ({@link OperationShape},
 * the gateway's measure): {@code QUERY_TOO_COMPLEX}. Validation and execution would expand a fragment bomb;</li>
 * <li>an {@code Int} literal beyond 32 bits: {@code GRAPHQL_VALIDATION_FAILED}, as the gateway answers. SmallRye's
 * {@code Int} scalar wraps {@code 2147483648} to {@code -2147483648} without a word (its range check is broken), and
 * by the time {@link InputContract} sees the argument it is a valid number. A literal in a {@code Float} position is
 * a number, not an {@code Int}, and passes;</li>
 * <li>an {@code Int} variable that is not a whole 32-bit number: {@code BAD_USER_INPUT}, as the gateway answers, so
 * that no field of a multi-field mutation runs before the bad value is seen.</li>
 * </ul>
 * Fragments are walked once each with their type condition, never per spread.
 */
final class OperationCheck {

    static final String TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    private static final BigInteger MIN_INT = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

    /** A refusal: the error code and the message. */
    record Refusal(String code, String message) {
    }

    private OperationCheck() {
    }

    /** Null when the operation may go on; {@code schema} null skips the type-dependent checks. */
    static Refusal check(Document document, GraphQLSchema schema, Object variables, String operationName, long maxFields) {
        for (OperationShape shape : OperationShape.of(document)) {
            if (shape.fields() > maxFields) {
                return new Refusal(TOO_COMPLEX, "the operation selects " + (shape.fields() == Long.MAX_VALUE ? "too many"
                        : String.valueOf(shape.fields())) + " fields once every fragment is counted where it is spread; this service"
                        + " accepts at most " + maxFields);
            }
        }
        if (schema == null) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            literals(operation.getSelectionSet(), rootType(schema, operation.getOperation()), schema, problems);
        }
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            literals(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()), schema, problems);
        }
        if (!problems.isEmpty()) {
            return new Refusal(GraphQLErrorCodes.VALIDATION_FAILED, String.join("; ", problems));
        }
        OperationDefinition selected = selected(document, operationName);
        if (selected != null) {
            Map<?, ?> values = variables instanceof JsonObject json ? json.getMap() : variables instanceof Map<?, ?> map ? map : Map.of();
            for (VariableDefinition definition : selected.getVariableDefinitions()) {
                GraphQLType type = inputType(definition.getType(), schema);
                if (type instanceof GraphQLInputType input && values.containsKey(definition.getName())) {
                    variable("$" + definition.getName(), input, values.get(definition.getName()), problems);
                }
            }
        }
        return problems.isEmpty() ? null : new Refusal(BadUserInputException.CODE, String.join("; ", problems));
    }

    private static GraphQLType rootType(GraphQLSchema schema, OperationDefinition.Operation operation) {
        return switch (operation) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
    }

    /** The operation the request runs: the named one, or the only one (else graphql-java refuses the request anyway). */
    private static OperationDefinition selected(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst().orElse(null);
    }

    private static void literals(SelectionSet selections, GraphQLType parent, GraphQLSchema schema, List<String> problems) {
        if (selections == null || parent == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field && parent instanceof GraphQLFieldsContainer container) {
                GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
                if (definition == null) {
                    continue; // validation names the unknown field
                }
                for (graphql.language.Argument argument : field.getArguments()) {
                    GraphQLArgument declared = definition.getArgument(argument.getName());
                    if (declared != null) {
                        literal("argument '" + argument.getName() + "' of " + field.getName(), declared.getType(), argument.getValue(), problems);
                    }
                }
                literals(field.getSelectionSet(), unwrapped(definition.getType()), schema, problems);
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType type = inline.getTypeCondition() == null ? parent : schema.getType(inline.getTypeCondition().getName());
                literals(inline.getSelectionSet(), type, schema, problems);
            }
            // a fragment spread is walked once, as its definition
        }
    }

    private static void literal(String where, GraphQLInputType type, Value<?> value, List<String> problems) {
        GraphQLType bare = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (bare instanceof GraphQLList list) {
            GraphQLInputType item = (GraphQLInputType) list.getWrappedType();
            if (value instanceof ArrayValue array) {
                for (Value<?> each : array.getValues()) {
                    literal(where, item, each, problems);
                }
            } else {
                literal(where, item, value, problems); // one value where a list is expected is a list of one
            }
        } else if (bare instanceof GraphQLInputObjectType object && value instanceof ObjectValue fields) {
            for (ObjectField field : fields.getObjectFields()) {
                GraphQLInputObjectField declared = object.getFieldDefinition(field.getName());
                if (declared != null) {
                    literal(where + " (field '" + field.getName() + "')", declared.getType(), field.getValue(), problems);
                }
            }
        } else if (bare instanceof GraphQLScalarType scalar && scalar.getName().equals("Int") && value instanceof IntValue number) {
            BigInteger n = number.getValue();
            if (n.compareTo(MIN_INT) < 0 || n.compareTo(MAX_INT) > 0) {
                problems.add(where + ": " + n + " is not a valid Int, a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
            }
        }
    }

    private static void variable(String path, GraphQLInputType type, Object value, List<String> problems) {
        if (value == null) {
            return;
        }
        GraphQLType bare = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (bare instanceof GraphQLList list) {
            GraphQLInputType item = (GraphQLInputType) list.getWrappedType();
            List<?> items = value instanceof JsonArray array ? array.getList() : value instanceof List<?> l ? l : null;
            if (items == null) {
                variable(path, item, value, problems);
            } else {
                for (int i = 0; i < items.size(); i++) {
                    variable(path + "[" + i + "]", item, items.get(i), problems);
                }
            }
        } else if (bare instanceof GraphQLInputObjectType object) {
            Map<?, ?> fields = value instanceof JsonObject json ? json.getMap() : value instanceof Map<?, ?> map ? map : null;
            if (fields != null) {
                for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                    variable(path + "." + field.getName(), field.getType(), fields.get(field.getName()), problems);
                }
            }
        } else if (bare instanceof GraphQLScalarType scalar && scalar.getName().equals("Int")) {
            String problem = InputContract.scalarProblem("Int", path, value);
            if (problem != null) {
                problems.add(path + ": " + problem);
            }
        }
    }

    /** The schema's type for a variable's declared type; null when a name is unknown (validation reports it). */
    private static GraphQLType inputType(Type<?> type, GraphQLSchema schema) {
        if (type instanceof NonNullType nonNull) {
            GraphQLType inner = inputType(nonNull.getType(), schema);
            return inner == null ? null : GraphQLNonNull.nonNull(inner);
        }
        if (type instanceof ListType list) {
            GraphQLType inner = inputType(list.getType(), schema);
            return inner == null ? null : GraphQLList.list(inner);
        }
        return type instanceof TypeName name ? schema.getType(name.getName()) : null;
    }

    private static GraphQLType unwrapped(GraphQLType type) {
        GraphQLType t = type;
        while (t instanceof GraphQLNonNull || t instanceof GraphQLList) {
            t = t instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : ((GraphQLList) t).getWrappedType();
        }
        return t;
    }
}
