package gov.planning.gateway;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * What the gateway understood of the caller's token. Frontends use it to check a login; ops use it to check that
 * the gateway trusts the realm.
 */
@Path("/viewer")
@Authenticated
public class ViewerResource {

    public record Viewer(String username, Set<String> roles, List<String> orgCodes) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Viewer viewer() {
        Object codes = token.getClaim("org_codes");
        List<String> orgCodes = codes instanceof jakarta.json.JsonArray array
                ? array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList()
                : List.of();
        return new Viewer(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()), orgCodes);
    }
}
