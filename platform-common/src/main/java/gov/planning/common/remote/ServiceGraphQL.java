package gov.planning.common.remote;

import java.io.StringReader;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ForbiddenException;
import gov.planning.common.error.UnavailableException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Posts one GraphQL operation to another subgraph with the caller's own bearer token, so that service applies its
 * own rules to the caller. Two kinds of call differ only in how an error answer is reported:
 * <ul>
 * <li>{@link #lookup}: a read a permission check or validation depends on. Any failure is UNAVAILABLE: when we
 * cannot tell whether a write is allowed, it is not made.</li>
 * <li>{@link #call}: a step of the caller's own operation (an import creating indicators). The other service's
 * FORBIDDEN and BAD_USER_INPUT come back as ours, prefixed with {@code what} so the caller learns which step failed;
 * anything else is UNAVAILABLE.</li>
 * </ul>
 * {@link #lookupAs} is a lookup with a token the caller got elsewhere: the service's own identity, for work no user
 * request started (the reminder scan). {@link #callAs} is a call with the caller's token read earlier
 * ({@link #callerToken}), for work that may outlive the caller's request (an import the gateway stopped waiting for).
 */
@ApplicationScoped
public class ServiceGraphQL {

    @Inject
    Vertx vertx;

    @Inject
    Instance<CurrentIdentityAssociation> identity;

    private volatile WebClient client;

    public ServiceGraphQL() {
    }

    /** Outside CDI (unit tests against a stand-in server): no caller token is forwarded. */
    public ServiceGraphQL(Vertx vertx) {
        this.vertx = vertx;
    }

    public Uni<JsonObject> lookup(String url, String what, String query, JsonObject variables, Duration timeout) {
        Context context = io.vertx.core.Vertx.currentContext();
        return callerToken().chain(bearer -> post(context, bearer, Map.of(), url, what, query, variables, timeout, false));
    }

    public Uni<JsonObject> lookupAs(String bearer, String url, String what, String query, JsonObject variables, Duration timeout) {
        return post(io.vertx.core.Vertx.currentContext(), bearer, Map.of(), url, what, query, variables, timeout, false);
    }

    public Uni<JsonObject> call(String url, String what, String query, JsonObject variables, Duration timeout) {
        Context context = io.vertx.core.Vertx.currentContext();
        return callerToken().chain(bearer -> post(context, bearer, Map.of(), url, what, query, variables, timeout, true));
    }

    public Uni<JsonObject> callAs(String bearer, String url, String what, String query, JsonObject variables, Duration timeout) {
        return post(io.vertx.core.Vertx.currentContext(), bearer, Map.of(), url, what, query, variables, timeout, true);
    }

    /** As {@link #callAs(String, String, String, String, JsonObject, Duration)}, with more request headers. */
    public Uni<JsonObject> callAs(String bearer, Map<String, String> headers, String url, String what, String query, JsonObject variables,
            Duration timeout) {
        return post(io.vertx.core.Vertx.currentContext(), bearer, headers, url, what, query, variables, timeout, true);
    }

    /**
     * The caller's bearer token (null outside a request), read from the deferred identity without blocking: asking the
     * request-scoped {@code JsonWebToken} instead may have to wait for the identity, which fails on an event-loop
     * thread (an import's fourth indicator call failed so, now and then, with "The current thread cannot be blocked").
     */
    public Uni<String> callerToken() {
        if (identity == null || !identity.isResolvable() || !io.quarkus.arc.Arc.container().requestContext().isActive()) {
            return Uni.createFrom().nullItem();
        }
        return identity.get().getDeferredIdentity().map(caller -> {
            TokenCredential credential = caller.getCredential(TokenCredential.class);
            return credential == null ? null : credential.getToken();
        });
    }

    private Uni<JsonObject> post(Context context, String bearer, Map<String, String> headers, String url, String what, String query,
            JsonObject variables, Duration timeout, boolean keepClientErrors) {
        // Hibernate Reactive insists on continuing on the Vert.x context the request runs on.
        String payload = Json.createObjectBuilder().add("query", query).add("variables", variables).build().toString();
        var request = client().postAbs(url).putHeader("Content-Type", "application/json").timeout(timeout.toMillis());
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::putHeader);
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
                        JsonObject error = errors.getJsonObject(0);
                        throw keepClientErrors ? translate(what, error)
                                : new UnavailableException(what + ": " + error.getString("message", "error"));
                    }
                    return answer.getJsonObject("data");
                });
    }

    private static RuntimeException translate(String what, JsonObject error) {
        String message = what + ": " + error.getString("message", "error");
        String code = null;
        if (error.get("extensions") instanceof JsonObject extensions && extensions.get("code") != null
                && extensions.get("code").getValueType() == JsonValue.ValueType.STRING) {
            code = extensions.getString("code");
        }
        if (ForbiddenException.CODE.equals(code)) {
            return new ForbiddenException(message);
        }
        if (BadUserInputException.CODE.equals(code)) {
            return new BadUserInputException(message);
        }
        return new UnavailableException(message);
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
