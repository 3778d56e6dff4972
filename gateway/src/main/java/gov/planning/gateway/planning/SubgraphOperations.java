package gov.planning.gateway.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.language.Argument;

/**
 * The operations the gateway sends to subgraphs, built as GraphQL documents from a plan's fetches and printed
 * compactly. A root fetch is its operation with the client's variables it uses; the entity fetches one level sends
 * to one subgraph share one operation, fetch {@code i} as the field {@code _gw_e<i>: _entities(representations:
 * $_gw_r<i>)}.
 */
public final class SubgraphOperations {

    private SubgraphOperations() {
    }

    /** The response key of the {@code i}-th entity fetch of a shared operation. */
    public static String entitiesAlias(int i) {
        return FetchNode.INTERNAL + "e" + i;
    }

    /** The variable holding the representations of the {@code i}-th entity fetch of a shared operation. */
    public static String representationsVariable(int i) {
        return FetchNode.INTERNAL + "r" + i;
    }

    static String root(FetchNode fetch, NormalizedOperation operation) {
        return print(OperationDefinition.newOperationDefinition().operation(operation.kind())
                .variableDefinitions(clientVariables(List.of(fetch), operation, new ArrayList<>()))
                .selectionSet(fetch.selectionSet()).build());
    }

    static String entities(List<FetchNode> fetches, NormalizedOperation operation) {
        List<VariableDefinition> variables = new ArrayList<>();
        List<Selection> selections = new ArrayList<>();
        TypeName any = TypeName.newTypeName("_Any").build();
        for (int i = 0; i < fetches.size(); i++) {
            FetchNode fetch = fetches.get(i);
            variables.add(VariableDefinition.newVariableDefinition(representationsVariable(i),
                    NonNullType.newNonNullType(ListType.newListType(NonNullType.newNonNullType(any).build()).build()).build()).build());
            selections.add(Field.newField("_entities").alias(entitiesAlias(i))
                    .arguments(List.of(Argument.newArgument("representations",
                            VariableReference.newVariableReference().name(representationsVariable(i)).build()).build()))
                    .selectionSet(SelectionSet.newSelectionSet(List.of(InlineFragment.newInlineFragment()
                            .typeCondition(TypeName.newTypeName(fetch.entityType()).build())
                            .selectionSet(fetch.selectionSet()).build())).build())
                    .build());
        }
        return print(OperationDefinition.newOperationDefinition().operation(OperationDefinition.Operation.QUERY)
                .variableDefinitions(clientVariables(fetches, operation, variables))
                .selectionSet(SelectionSet.newSelectionSet(selections).build()).build());
    }

    /** The client's variable definitions the fetches use, after {@code internal}, each once. */
    private static List<VariableDefinition> clientVariables(List<FetchNode> fetches, NormalizedOperation operation,
            List<VariableDefinition> internal) {
        fetches.stream().flatMap(f -> f.variables().stream()).distinct()
                .map(name -> Objects.requireNonNull(operation.variableDefinitions().get(name), name)).forEach(internal::add);
        return internal;
    }

    private static String print(OperationDefinition operation) {
        return AstPrinter.printAstCompact(Document.newDocument().definition(operation).build());
    }
}
