package gov.planning.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The settings the single-page app reads before anything else (it is public: it holds no secret). */
@Path("/config")
public class RuntimeConfigResource {

    public record RuntimeConfig(String graphqlUrl, String oidcIssuer, String oidcClientId) {
    }

    private final ConsoleConfig config;

    RuntimeConfigResource(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new RuntimeConfig(config.graphqlUrl(), config.oidcIssuer(), config.oidcClientId()))
                .cacheControl(noStore).build();
    }
}
