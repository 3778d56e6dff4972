package gov.planning.indicator.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.PageInfo;
import gov.planning.indicator.listing.IndicatorListing;

/** A Relay connection over indicators; the cursor is the item's offset in the filtered, sorted list, opaque to clients. */
@Type("IndicatorConnection")
public record IndicatorConnection(@NonNull List<@NonNull IndicatorEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull Integer totalCount) {

    @Type("IndicatorEdge")
    public record IndicatorEdge(@NonNull IndicatorView node, @NonNull String cursor) {
    }

    static IndicatorConnection of(IndicatorListing.Page page) {
        List<IndicatorEdge> edges = new ArrayList<>();
        for (int i = 0; i < page.indicators().size(); i++) {
            edges.add(new IndicatorEdge(IndicatorView.of(page.indicators().get(i)), Cursor.encode(page.offset() + i)));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new IndicatorConnection(edges, new PageInfo(page.offset() + page.indicators().size() < page.total(), end), page.total());
    }
}
