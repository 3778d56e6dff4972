package gov.planning.plan.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.PageInfo;
import gov.planning.plan.service.HealthCountPage;

/**
 * A page of the supervision dashboard (督查看板): lead organizations, most red first. The cursor is the row's offset and
 * its place in that order (a keyset cursor, docs/decisions/0015), opaque to clients.
 */
public record OrgHealthCountConnection(@NonNull List<@NonNull OrgHealthCountEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull @Description("How many lead organizations the whole dashboard has.") Integer totalCount,
        @NonNull @Description("全部单位合计: each column added up over every organization of the dashboard, not only the "
                + "page's (a task led by two organizations counts for each, as in their rows).") HealthCountSum sum) {

    @Type("OrgHealthCountEdge")
    public record OrgHealthCountEdge(@NonNull OrgHealthCount node, @NonNull String cursor) {
    }

    @Type("HealthCountSum")
    public record HealthCountSum(@NonNull Integer green, @NonNull Integer yellow, @NonNull Integer red, @NonNull Integer done,
            @NonNull Integer total) {
    }

    static OrgHealthCountConnection of(HealthCountPage page, int offset) {
        List<OrgHealthCountEdge> edges = Cursor.edges(page.items(), offset, row -> HealthCountPage.Key.of(row).toString(),
                (row, cursor) -> new OrgHealthCountEdge(OrgHealthCount.of(row), cursor));
        HealthCountPage.Sum sum = page.sum();
        return new OrgHealthCountConnection(edges,
                new PageInfo(page.more(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), page.organizations(),
                new HealthCountSum(sum.green(), sum.yellow(), sum.red(), sum.done(), sum.total()));
    }
}
