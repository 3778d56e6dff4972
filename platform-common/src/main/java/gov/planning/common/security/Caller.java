package gov.planning.common.security;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
        return orgCodes(token);
    }

    /** Keycloak writes the claim as a JSON array; a single string is accepted from a misconfigured mapper. */
    public static List<String> orgCodes(JsonWebToken token) {
        Object claim = token.getClaim(ORG_CODES_CLAIM);
        if (claim instanceof JsonArray array) {
            return array.stream().filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                    .map(v -> ((JsonString) v).getString()).toList();
        }
        if (claim instanceof JsonString single) {
            return List.of(single.getString());
        }
        if (claim instanceof String single) {
            return List.of(single);
        }
        return List.of();
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
