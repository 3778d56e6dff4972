package gov.planning.common.api;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.smallrye.graphql.api.federation.Shareable;

/**
 * The Relay page info of every connection. Several subgraphs return it, so it is one class, shareable in the
 * federation sense; a subgraph using it imports {@code @shareable} in its {@code @link}.
 */
@Type("PageInfo")
@Shareable
public record PageInfo(@NonNull Boolean hasNextPage, String endCursor) {

    /** For a page of {@code size} items starting at {@code offset} of a list of {@code total}. */
    public static PageInfo of(int offset, int size, long total) {
        return new PageInfo(offset + size < total, size == 0 ? null : Cursor.encode(offset + size - 1));
    }
}
