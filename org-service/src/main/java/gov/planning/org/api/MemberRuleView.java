package gov.planning.org.api;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;

/** A collective's membership rule: organizations below {@code under} of {@code kind} and, if set, {@code level}. */
@Type("MemberRule")
public record MemberRuleView(@NonNull OrganizationView under, @NonNull OrgKind kind, AdminLevel level, @Ignore UUID collectiveId) {
}
