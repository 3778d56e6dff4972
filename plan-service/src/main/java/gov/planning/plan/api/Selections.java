package gov.planning.plan.api;

import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

/** What the client selected below the field being resolved, for reads that can leave out what no one asked for. */
final class Selections {

    private Selections() {
    }

    /**
     * Whether the connection being resolved has {@code totalCount} selected (directly, by alias or in a fragment): an exact
     * count reads the whole list, where the page reads only its rows. True when SmallRye gives no selection to look at.
     */
    static boolean totalCount(Context context) {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        return env == null || env.getSelectionSet().contains("totalCount");
    }

    /**
     * Whether every field selected directly below the one being resolved is among {@code fields}: a read can then leave
     * out what only the others need. False when SmallRye gives no selection to look at.
     */
    static boolean onlyAmong(Context context, Set<String> fields) {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        return env != null && env.getSelectionSet().getImmediateFields().stream().allMatch(field -> fields.contains(field.getName()));
    }
}
