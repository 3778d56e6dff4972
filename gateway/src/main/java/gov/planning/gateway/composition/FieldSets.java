package gov.planning.gateway.composition;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;

/**
 * The field sets of one supergraph's {@code @key}, {@code @requires} and {@code @provides}, parsed on first use and
 * kept: a supergraph has a fixed, small set of them, and graphql-java's selection sets are immutable, so one
 * instance serves every plan and request. A cache, not content: equal to any other, so supergraph records still
 * compare by what they route.
 */
public final class FieldSets {

    private final Map<String, SelectionSet> parsed = new ConcurrentHashMap<>();

    SelectionSet parse(String fieldSet) {
        return parsed.computeIfAbsent(fieldSet, text -> ((OperationDefinition) new Parser().parseDocument("{ " + text + " }")
                .getDefinitions().get(0)).getSelectionSet());
    }

    /** How many distinct field sets were parsed (each once). */
    public int size() {
        return parsed.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSets;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
