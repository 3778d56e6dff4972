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
    private final String namedType;
    private List<SelectionNode> children = new ArrayList<>();
    private boolean frozen;

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
        this.namedType = type == null ? null : GraphQLTypeUtil.unwrapAll(type).getName();
    }

    /**
     * A field the gateway selects for itself (a key or {@code @requires} field set): its type may be
     * {@code @inaccessible}, so it is known by name only.
     */
    SelectionNode(String responseKey, String fieldName, List<Argument> arguments, String typeCondition, String namedType,
            boolean composite) {
        this.responseKey = responseKey;
        this.fieldName = fieldName;
        this.arguments = arguments;
        this.typeCondition = typeCondition;
        this.type = null;
        this.namedType = composite ? namedType : null;
    }

    /** The same field with other sub-fields (a shared root field asked of two subgraphs). */
    SelectionNode withChildren(List<SelectionNode> others) {
        SelectionNode copy = on(typeCondition);
        copy.children.clear();
        copy.children.addAll(others);
        return copy;
    }

    /** The same field and sub-selection, planned as selected on {@code condition} (an interface it is declared on). */
    SelectionNode on(String condition) {
        SelectionNode copy = type != null ? new SelectionNode(responseKey, fieldName, arguments, condition, type)
                : new SelectionNode(responseKey, fieldName, arguments, condition, namedType, namedType != null);
        copy.children.addAll(children);
        return copy;
    }

    /** Read-only from now on, with every sub-field (a planned operation is shared by concurrent requests). */
    void freeze() {
        if (frozen) {
            return;
        }
        frozen = true;
        children = java.util.Collections.unmodifiableList(new ArrayList<>(children));
        children.forEach(SelectionNode::freeze);
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
        return type == null && namedType == null && (fieldName.equals("__schema") || fieldName.equals("__type"));
    }

    public boolean isTypename() {
        return fieldName.equals("__typename");
    }

    public boolean isComposite() {
        return type != null ? GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLCompositeType : namedType != null;
    }

    public String namedType() {
        return namedType;
    }
}
