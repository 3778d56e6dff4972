package gov.planning.plan.importing;

import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * What an import needs of org-service beyond resolving names: the government an issuer belongs to (where missing
 * departments are proposed) and creating the proposals an admin accepted. Tests replace {@link GraphQLOrgTreeClient}.
 */
public interface OrgTreeClient {

    /**
     * @param region     the region's name (示例旗); null when org-service has none recorded
     * @param level      org-service's AdminLevel, may be null
     * @param childCodes the codes directly below it, so a proposed code does not take one already used
     */
    record Government(UUID id, String code, String name, String region, String level, Set<String> childCodes) {
    }

    /** The issuer itself when it is a government, else its nearest ancestor that is one; null when there is none. */
    Uni<Government> governmentOf(String issuerCode);

    /**
     * Creates the organization through org-service's {@code createOrganization} (admin only there too) with the importing
     * admin's token; org-service's group sync gives it its Keycloak group. Answers its id.
     */
    Uni<UUID> create(String bearer, OrgProposal proposal);
}
