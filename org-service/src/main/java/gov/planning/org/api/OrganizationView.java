package gov.planning.org.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import gov.planning.org.naming.OrgNode;
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
        @NonNull @Description("Short forms and historical names documents use for it.") List<@NonNull String> aliases,
        @NonNull OrgKind kind,
        AdminLevel level,
        @Description("Governments only: the region governed.") String region,
        LocalDate validFrom,
        LocalDate validTo,
        @Description("Pass back to updateOrganization and moveOrganization; a changed version means someone else wrote meanwhile.") int version,
        @Ignore UUID parentId,
        @Ignore UUID successorId) {

    static OrganizationView of(Organization org) {
        return org == null ? null
                : new OrganizationView(org.id, org.code, org.name, org.shortName,
                        org.aliases == null ? List.of() : List.of(org.aliases), org.kind, org.level, org.region,
                        org.validFrom, org.validTo, org.version, org.parentId, org.successorId);
    }

    static OrganizationView of(OrgNode node) {
        return node == null ? null
                : new OrganizationView(node.id(), node.code(), node.name(), node.shortName(), node.aliases(), node.kind(),
                        node.level(), node.region(), node.validFrom(), node.validTo(), node.version(), node.parentId(),
                        node.successorId());
    }
}
