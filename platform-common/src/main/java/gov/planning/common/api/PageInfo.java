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
}
