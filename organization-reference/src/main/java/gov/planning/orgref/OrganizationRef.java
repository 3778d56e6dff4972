package gov.planning.orgref;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/**
 * A reference to org-service's {@code Organization} entity: only its key. The gateway resolves the rest of its
 * fields from org-service, so a subgraph never copies organization data. It is resolvable (see
 * {@link OrganizationReferenceApi}) because subgraphs contribute fields to it, such as {@code Organization.tasks}.
 */
@Type("Organization")
@Name("Organization")
@Key(fields = @FieldSet("id"))
public record OrganizationRef(@Id @NonNull UUID id) {

    public static OrganizationRef of(UUID id) {
        return id == null ? null : new OrganizationRef(id);
    }
}
