package gov.planning.org.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.PageInfo;
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
            List<Edge> edges = new ArrayList<>();
            for (int i = 0; i < page.organizations().size(); i++) {
                edges.add(new Edge(OrganizationView.of(page.organizations().get(i)), Cursor.encode(offset + i)));
            }
            String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
            return new Connection(edges, new PageInfo(offset + edges.size() < page.totalCount(), end), (int) page.totalCount());
        }
    }
}
