package gov.planning.org.api;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/**
 * The {@code Organization} entity of the federated graph; other subgraphs refer to it by id. {@code @Name} as well
 * as {@code @Type}: SmallRye resolves the type of an {@code _entities} result by the class's {@code @Name}.
 */
@Type("Organization")
@Name("Organization")
@Key(fields = @FieldSet("id"))
public record OrganizationView(
        @Id @NonNull UUID id,
        @NonNull String code,
        @NonNull String name,
        String shortName,
        @NonNull OrgKind kind,
        AdminLevel level,
        LocalDate validFrom,
        LocalDate validTo,
        @Ignore UUID parentId) {

    static OrganizationView of(Organization org) {
        return org == null ? null
                : new OrganizationView(org.id, org.code, org.name, org.shortName, org.kind, org.level, org.validFrom,
                        org.validTo, org.parentId);
    }
}
