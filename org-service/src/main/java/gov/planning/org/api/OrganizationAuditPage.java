package gov.planning.org.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.api.PageInfo;

/** Organizations' entries of the audit trail as a Relay connection, newest entry first. */
public final class OrganizationAuditPage {

    private OrganizationAuditPage() {
    }

    @Type("OrganizationAuditEntry")
    @Description("One write to an organization: who, when, what, and the organization's state before and after (JSON).")
    public record Entry(@Id @NonNull UUID id, @NonNull OffsetDateTime at, @NonNull String actor, @NonNull String action,
            @Id @NonNull UUID organizationId, String before, String after) {
    }

    @Type("OrganizationAuditEdge")
    public record Edge(@NonNull Entry node, @NonNull String cursor) {
    }

    @Type("OrganizationAuditConnection")
    public record Connection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo, int totalCount) {
    }
}
