package gov.planning.org.keycloak;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import gov.planning.common.error.UnavailableException;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import io.smallrye.common.annotation.Blocking;

@GraphQLApi
public class GroupSyncApi {

    @Inject
    GroupSync sync;

    @Inject
    KeycloakAdminClient keycloak;

    @Inject
    Caller caller;

    @Mutation
    @Blocking
    @Description("Repairs drift between Keycloak's groups and the organization tree (admin only): creates missing groups, renames and moves changed ones, removes groups of organizations that no longer exist.")
    public @NonNull GroupReconciliation reconcileKeycloakGroups() {
        caller.requireAnyRole("reconcile Keycloak groups", PlatformRole.ADMIN);
        if (!keycloak.configured()) {
            throw new UnavailableException("Keycloak group sync has no service credentials (PLANNING_SERVICES_CLIENT_SECRET)");
        }
        try {
            return sync.reconcileNow();
        } catch (KeycloakAdminClient.KeycloakUnavailableException e) {
            throw new UnavailableException("Keycloak: " + e.getMessage());
        }
    }
}
