package gov.planning.gateway.planning;

import java.util.List;
import java.util.Map;

import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;

/** The operation to run: its kind, flattened root fields and the client's variable definitions. */
public record NormalizedOperation(OperationDefinition.Operation kind, String rootType, List<SelectionNode> rootFields,
        Map<String, VariableDefinition> variableDefinitions, OperationDefinition definition) {

    /** The same operation with read-only lists (its fields are frozen by the planner). */
    NormalizedOperation readOnly() {
        return new NormalizedOperation(kind, rootType, List.copyOf(rootFields),
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variableDefinitions)), definition);
    }

    public boolean hasIntrospection() {
        return rootFields.stream().anyMatch(SelectionNode::isIntrospection);
    }
}
