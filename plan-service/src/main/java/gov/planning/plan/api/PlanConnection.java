package gov.planning.plan.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.PageInfo;
import gov.planning.plan.service.PlanService;

public record PlanConnection(@NonNull List<@NonNull PlanEdge> edges, @NonNull PageInfo pageInfo, @NonNull Integer totalCount) {

    @Type("PlanEdge")
    public record PlanEdge(@NonNull PlanView node, @NonNull String cursor) {
    }

    static PlanConnection of(PlanService.PlanPage page, int offset) {
        return new PlanConnection(Cursor.edges(page.items(), offset, (p, cursor) -> new PlanEdge(PlanView.of(p), cursor)),
                PageInfo.of(offset, page.items().size(), page.total()), (int) page.total());
    }
}
