package gov.planning.indicator.remote;

import java.io.StringReader;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import gov.planning.common.error.UnavailableException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Posts one GraphQL read to another subgraph with the caller's own bearer token, so that service applies its own
 * read rules to the caller (plan-service's {@code ServiceGraphQL}, copied: sharing it would mean changing
 * platform-common). These are permission look-ups, so any failure — unreachable, HTTP error, an error answer — is
 * UNAVAILABLE: we cannot tell whether the write is allowed, so it is not made.
 */
@ApplicationScoped
public class ServiceGraphQL {

    @Inject
    Vertx vertx;

    @Inject
    JsonWebToken token;

    @ConfigProperty(name = "planning.lookup.timeout", defaultValue = "PT5S")
    Duration timeout;

    private volatile WebClient client;

    public Uni<JsonObject> post(String url, String what, String query, JsonObject variables) {
        String bearer = token == null ? null : token.getRawToken();
        // Hibernate Reactive insists on continuing on the Vert.x context the request runs on.
        Context context = io.vertx.core.Vertx.currentContext();
        String payload = Json.createObjectBuilder().add("query", query).add("variables", variables).build().toString();
        var request = client().postAbs(url).putHeader("Content-Type", "application/json").timeout(timeout.toMillis());
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        Uni<HttpResponse<Buffer>> sent = request.sendBuffer(Buffer.buffer(payload));
        if (context != null) {
            sent = sent.emitOn(r -> context.runOnContext(v -> r.run()));
        }
        return sent.onFailure().transform(e -> new UnavailableException(what + ": " + url + " could not be reached (" + e.getMessage() + ")"))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new UnavailableException(what + ": " + url + " answered HTTP " + response.statusCode());
                    }
                    JsonObject answer = Json.createReader(new StringReader(response.bodyAsString())).readObject();
                    if (answer.get("errors") instanceof JsonArray errors && !errors.isEmpty()) {
                        throw new UnavailableException(what + ": " + errors.getJsonObject(0).getString("message", "error"));
                    }
                    return answer.getJsonObject("data");
                });
    }

    private WebClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = WebClient.create(vertx);
                }
            }
        }
        return client;
    }
}
