package gov.planning.plan.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.PageInfo;
import gov.planning.plan.service.TaskReads;

/** A page of progress reports (the approval queue). */
public record ProgressReportConnection(@NonNull List<@NonNull ProgressReportEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull Integer totalCount) {

    @Type("ProgressReportEdge")
    public record ProgressReportEdge(@NonNull ProgressReportView node, @NonNull String cursor) {
    }

    static ProgressReportConnection of(TaskReads.ReportPage page, int offset) {
        return new ProgressReportConnection(Cursor.edges(page.items(), offset,
                (r, cursor) -> new ProgressReportEdge(ProgressReportView.of(r), cursor)),
                PageInfo.of(offset, page.items().size(), page.total()), (int) page.total());
    }
}
