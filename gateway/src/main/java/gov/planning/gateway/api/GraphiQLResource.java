package gov.planning.gateway.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * GraphiQL at a stable URL. The page and its assets (META-INF/resources/graphiql/, served as static files under
 * /graphiql/) need no token; the user pastes one into the page and only the requests to /graphql carry it.
 */
@Path("/graphiql")
public class GraphiQLResource {

    private static final String PAGE = "META-INF/resources/graphiql/index.html";

    /** Only the gateway's own files; styles inline because GraphiQL sets style attributes. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final byte[] page = load();

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static byte[] load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
