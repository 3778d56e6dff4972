package gov.planning.plan.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.orgref.OrganizationRef;
import gov.planning.plan.entity.ProgressReport;
import gov.planning.plan.entity.ReportStatus;

/** 进度填报; {@code task} is a batched field resolver in {@link ProgressReportApi}. */
@Type("ProgressReport")
@Name("ProgressReport")
public record ProgressReportView(
        @Id @NonNull UUID id,
        @NonNull OrganizationRef org,
        @NonNull String period,
        Integer percent,
        @NonNull String summary,
        String problems,
        String nextSteps,
        @NonNull String reportedBy,
        @NonNull OffsetDateTime reportedAt,
        @NonNull ReportStatus status,
        @Description("Submitted after the period's due date (accepted within the grace days or after a reopening).")
        @NonNull Boolean late,
        String reviewComment,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        @Ignore UUID taskId) {

    static ProgressReportView of(ProgressReport r) {
        return r == null ? null
                : new ProgressReportView(r.id, OrganizationRef.of(r.orgId), r.period, r.percent, r.summary, r.problems,
                        r.nextSteps, r.reportedBy, at(r.reportedAt), r.status, r.late, r.reviewComment, r.reviewedBy,
                        at(r.reviewedAt), r.taskId);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
