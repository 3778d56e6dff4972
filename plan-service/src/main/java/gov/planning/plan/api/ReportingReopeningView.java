package gov.planning.plan.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.orgref.OrganizationRef;
import gov.planning.plan.entity.ReportingReopening;

/** What reopenReportingPeriod did: the period accepts reports from the organization until {@code openUntil}. */
@Type("ReportingReopening")
@Name("ReportingReopening")
public record ReportingReopeningView(@Id @NonNull UUID id, @Id @NonNull UUID taskId, @NonNull OrganizationRef org,
        @NonNull String period, @NonNull String reason, @NonNull String reopenedBy, @NonNull OffsetDateTime reopenedAt,
        @NonNull LocalDate openUntil) {

    static ReportingReopeningView of(ReportingReopening r) {
        return new ReportingReopeningView(r.id, r.taskId, OrganizationRef.of(r.orgId), r.period, r.reason, r.reopenedBy,
                r.reopenedAt.atOffset(ZoneOffset.UTC), r.openUntil);
    }
}
