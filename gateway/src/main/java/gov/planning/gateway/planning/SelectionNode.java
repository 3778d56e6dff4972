package gov.planning.gateway.planning;

import java.util.ArrayList;
import java.util.List;

import graphql.language.Argument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeUtil;

/**
 * One field of the client's operation after fragments were flattened and {@code @skip}/{@code @include} applied:
 * the planner and the response shaper work on these, never on the raw document.
 */
public final class SelectionNode {

    private final String responseKey;
    private final String fieldName;
    private final List<Argument> arguments;
    private final String typeCondition;
    private final GraphQLOutputType type;
    private final List<SelectionNode> children = new ArrayList<>();

    /**
     * @param typeCondition the type this field was selected on: the parent field's type, or the type condition of
     *                      the fragment it came from (the shaper only applies it to objects of that type)
     * @param type          the field's declared type; null for {@code __schema}/{@code __type}, answered locally
     */
    public SelectionNode(String responseKey, String fieldName, List<Argument> arguments, String typeCondition, GraphQLOutputType type) {
        this.responseKey = responseKey;
        this.fieldName = fieldName;
        this.arguments = arguments;
        this.typeCondition = typeCondition;
        this.type = type;
    }

    public String responseKey() {
        return responseKey;
    }

    public String fieldName() {
        return fieldName;
    }

    public List<Argument> arguments() {
        return arguments;
    }

    public String typeCondition() {
        return typeCondition;
    }

    public GraphQLOutputType type() {
        return type;
    }

    public List<SelectionNode> children() {
        return children;
    }

    public boolean isIntrospection() {
        return fieldName.equals("__schema") || fieldName.equals("__type");
    }

    public boolean isTypename() {
        return fieldName.equals("__typename");
    }

    public boolean isComposite() {
        return type != null && GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLCompositeType;
    }

    public String namedType() {
        return GraphQLTypeUtil.unwrapAll(type).getName();
    }
}
