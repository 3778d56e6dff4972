package gov.planning.org.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.org.naming.OrgNameResolver;
import io.smallrye.graphql.api.federation.Shareable;

/** Also returned by plan-service's document import, hence shareable; both definitions must stay identical. */
@Type("OrgNameMatch")
@Shareable
@Description("A name as written in a document and what it resolved to: organization is null when the name is ambiguous or unknown.")
public record OrgNameMatchView(
        @NonNull String input,
        OrganizationView organization,
        @NonNull @Description("Everything the name could mean, most likely first (the resolved organization, if any, first).") List<@NonNull OrganizationView> candidates) {

    static OrgNameMatchView of(OrgNameResolver.Match match) {
        return new OrgNameMatchView(match.input(), OrganizationView.of(match.organization()),
                match.candidates().stream().map(OrganizationView::of).toList());
    }
}
