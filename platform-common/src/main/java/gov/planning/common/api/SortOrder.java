package gov.planning.common.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** The direction of every list's {@code sortBy}; the same GraphQL enum in every subgraph. */
@Enum("SortOrder")
@Description("ASC: smallest, earliest or A first; DESC: the reverse. Ties are broken by id, so paging is stable.")
public enum SortOrder {
    ASC, DESC;

    /** The SQL keyword; an absent order is {@code fallback}. */
    public static String sql(SortOrder order, SortOrder fallback) {
        return (order == null ? fallback : order) == DESC ? "DESC" : "ASC";
    }
}
