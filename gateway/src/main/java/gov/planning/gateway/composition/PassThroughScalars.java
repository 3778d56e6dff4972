package gov.planning.gateway.composition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.TypeResolver;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;

/**
 * Wiring for a schema the gateway only validates against: custom scalars (Date, DateTime, _Any...) pass values
 * through unchanged, because the subgraph that owns a scalar is the one that checks it; abstract types resolve by
 * the {@code __typename} a subgraph answered.
 */
public final class PassThroughScalars implements WiringFactory {

    public static final PassThroughScalars INSTANCE = new PassThroughScalars();

    private PassThroughScalars() {
    }

    @Override
    public boolean providesScalar(ScalarWiringEnvironment environment) {
        return !ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
    }

    @Override
    public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
        return scalar(environment.getScalarTypeDefinition().getName());
    }

    @Override
    public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
        return byTypename();
    }

    @Override
    public boolean providesTypeResolver(UnionWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
        return byTypename();
    }

    private static TypeResolver byTypename() {
        return env -> env.getObject() instanceof Map<?, ?> map && map.get("__typename") instanceof String name
                ? env.getSchema().getObjectType(name)
                : null;
    }

    public static GraphQLScalarType scalar(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object dataFetcherResult) {
                return dataFetcherResult;
            }

            @Override
            public Object parseValue(Object input) {
                return input;
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                return literal(input, variables == null ? Map.of() : variables.toMap());
            }
        }).build();
    }

    static Object literal(Value<?> value, Map<String, Object> variables) {
        if (value instanceof StringValue s) {
            return s.getValue();
        } else if (value instanceof IntValue i) {
            return i.getValue();
        } else if (value instanceof FloatValue f) {
            return f.getValue();
        } else if (value instanceof BooleanValue b) {
            return b.isValue();
        } else if (value instanceof EnumValue e) {
            return e.getName();
        } else if (value instanceof NullValue || value == null) {
            return null;
        } else if (value instanceof VariableReference v) {
            return variables.get(v.getName());
        } else if (value instanceof ArrayValue a) {
            List<Object> list = new ArrayList<>();
            a.getValues().forEach(v -> list.add(literal(v, variables)));
            return list;
        } else if (value instanceof ObjectValue o) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (ObjectField field : o.getObjectFields()) {
                map.put(field.getName(), literal(field.getValue(), variables));
            }
            return map;
        }
        throw new IllegalArgumentException("Unsupported literal " + value);
    }
}
