package gov.planning.gateway.api;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * An account that signed in through the government's identity provider (issue 20) but whose organization could not
 * be told from the upstream token is "pending" (待分配): it exists, holds no organization group, and must see no data
 * until an administrator (or the department administrator, on 成员) places it. Reading is open to every role
 * (docs/domain.md §4), so the rule is enforced here for the whole graph: a caller needs a platform role and an
 * organization, except an admin.
 */
@RequestScoped
public class PendingAccounts {

    static final Set<String> PLATFORM_ROLES = Set.of("admin", "planner", "reporter", "viewer", "org-admin");

    @Inject
    SecurityIdentity identity;

    /** Null when the caller may go on; else the reason, for a FORBIDDEN answer. */
    public String refusal() {
        return refusal(identity);
    }

    /** The same for a route outside the request scope (the ledger download). */
    public static String refusal(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.hasRole("admin")) {
            // Anonymous only where the graphql permission is "permit" (the federation audit): nothing to decide.
            return null;
        }
        boolean role = identity.getRoles().stream().anyMatch(PLATFORM_ROLES::contains);
        Object codes = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("org_codes") : null;
        boolean organization = codes instanceof jakarta.json.JsonArray array && !array.isEmpty();
        if (role && organization) {
            return null;
        }
        return identity.getPrincipal().getName() + " may not read or change anything yet: the account "
                + (organization ? "holds no platform role" : "belongs to no organization (org_codes is empty)")
                + " and waits for an administrator to place it (待分配)";
    }
}
