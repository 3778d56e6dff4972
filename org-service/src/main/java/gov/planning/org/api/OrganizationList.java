package gov.planning.org.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.PageInfo;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.repository.OrganizationListing;

/** The organization list as a Relay connection. */
public final class OrganizationList {

    private OrganizationList() {
    }

    @Type("OrganizationEdge")
    public record Edge(@NonNull OrganizationView node, @NonNull String cursor) {
    }

    @Type("OrganizationConnection")
    public record Connection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo, int totalCount) {

        static Connection of(OrganizationListing.Page page, int offset) {
            return new Connection(Cursor.edges(page.organizations(), offset, (o, cursor) -> new Edge(OrganizationView.of(o), cursor)),
                    PageInfo.of(offset, page.organizations().size(), page.totalCount()), (int) page.totalCount());
        }

        /** The page of {@code first} organizations of {@code all} (a subtree from the tree's snapshot) from {@code offset}. */
        static Connection of(List<OrgNode> all, int offset, int first) {
            // A negative offset: a cursor of the largest int, one past it overflowed; past the end like any other.
            int from = offset < 0 ? all.size() : Math.min(offset, all.size());
            List<OrgNode> page = all.subList(from, (int) Math.min((long) from + first, all.size()));
            return new Connection(Cursor.edges(page, from, (o, cursor) -> new Edge(OrganizationView.of(o), cursor)),
                    PageInfo.of(from, page.size(), all.size()), all.size());
        }
    }
}
