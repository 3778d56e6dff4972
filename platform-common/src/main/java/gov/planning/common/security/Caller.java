package gov.planning.common.security;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import gov.planning.common.error.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the bearer token says: the user name, the realm roles and the codes of the organizations
 * the user belongs to (the {@code org_codes} claim that Keycloak's group mapper writes).
 */
@RequestScoped
public class Caller {

    public static final String ORG_CODES_CLAIM = "org_codes";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String username() {
        // quarkus.oidc.token.principal-claim makes this the token's preferred_username.
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(PlatformRole role) {
        return identity.hasRole(role.roleName());
    }

    public boolean isAdmin() {
        return hasRole(PlatformRole.ADMIN);
    }

    /** The caller's organization codes; empty for tokens without the claim (service accounts, tests). */
    public List<String> orgCodes() {
        return OrgCodesClaim.read(token);
    }

    /** Refuses the request unless the caller has at least one of the roles. */
    public void requireAnyRole(String action, PlatformRole... allowed) {
        for (PlatformRole role : allowed) {
            if (hasRole(role)) {
                return;
            }
        }
        throw new ForbiddenException(username() + " may not " + action + ": it needs one of the roles "
                + PlatformRole.names(allowed) + ", the token has " + roles());
    }
}
