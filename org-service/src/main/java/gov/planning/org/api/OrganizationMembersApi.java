package gov.planning.org.api;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.jwt.JsonWebToken;

import gov.planning.common.api.Ids;
import gov.planning.common.error.ForbiddenException;
import gov.planning.common.security.Caller;
import gov.planning.org.entity.Organization;
import gov.planning.org.keycloak.MemberDirectory;
import gov.planning.org.repository.OrganizationRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Who is in an organization (its Keycloak group), for services that notify people (plan-service's reminders). Names
 * and e-mail addresses of staff are not for every signed-in user: only an admin or the platform's own service identity
 * ({@code planning.keycloak.client-id}, the token's {@code azp}) may ask.
 */
@GraphQLApi
public class OrganizationMembersApi {

    @Type("OrganizationMember")
    public record MemberView(@NonNull String username, String email, @NonNull List<@NonNull String> roles) {
    }

    @Type("OrganizationMembers")
    public record MembersView(@Id @NonNull String id, @NonNull String code, @NonNull String name,
            @NonNull List<@NonNull MemberView> members) {
    }

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    OrganizationRepository organizations;

    @Inject
    MemberDirectory directory;

    @ConfigProperty(name = "planning.keycloak.client-id")
    String serviceClient;

    /** Organizations whose members are read at once (Keycloak's reads are slow one by one at a province's scale). */
    @ConfigProperty(name = "planning.keycloak.concurrent-reads", defaultValue = "4")
    int concurrentReads;

    @Query
    @Description("Members of the organizations' Keycloak groups holding any of the realm roles, with e-mail (unknown "
            + "ids are left out). Admins and the platform's service identity only. ids are [String!] because SmallRye "
            + "cannot convert an @Id list argument.")
    public Uni<@NonNull List<@NonNull MembersView>> organizationMembers(@NonNull List<@NonNull String> ids,
            @NonNull List<@NonNull String> roles) {
        boolean service = serviceClient.equals(token.getClaim("azp"));
        if (!service && !caller.isAdmin()) {
            throw new ForbiddenException(caller.username() + " may not read organization members: only admins and the service identity may");
        }
        Set<String> wanted = Set.copyOf(roles);
        return organizations.readByIds(ids.stream().map(id -> Ids.parse("ids", id)).toList())
                .chain(found -> found.isEmpty() ? Uni.createFrom().item(List.<MembersView>of())
                        : Uni.join().all(found.stream()
                                // Keycloak's admin client blocks: off the event loop, a few organizations at a time.
                                .map(org -> Uni.createFrom().item(() -> view(org, wanted)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                                .toList()).usingConcurrencyOf(concurrentReads).andFailFast());
    }

    private MembersView view(Organization org, Set<String> roles) {
        return new MembersView(org.id.toString(), org.code, org.name, directory.membersOf(org.code, roles).stream()
                .map(m -> new MemberView(m.username(), m.email(), List.copyOf(m.roles()))).toList());
    }
}
