package gov.planning.orgclient;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ForbiddenException;
import gov.planning.common.error.UnavailableException;
import gov.planning.common.remote.ServiceGraphQL;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where every call to org-service goes: its URL and timeouts ({@link OrgServiceConfig},
 * {@code planning.clients.org-service.*}), which token it carries, retries and the circuit breaker. The operations are in
 * {@link OrgOperations}; {@link GraphQLOrganizationTree} reads the tree through here.
 * <p>
 * The transport is platform-common's {@link ServiceGraphQL}: it resumes on the caller's Vert.x context, which Hibernate
 * Reactive requires after the call (see this module's README for why not the SmallRye GraphQL client).
 * <p>
 * The timeout is the HTTP request's own ({@code timeout}, per attempt), so one setting decides how long a caller
 * waits; no {@code @Timeout} on top (a second, shorter or longer limit would only hide the first). Retries run without
 * delay so the attempt stays on the caller's event loop and context (a delayed retry would resume on a timer thread).
 */
@ApplicationScoped
public class OrgServiceClient {

    static final String WHAT = "org-service (organization tree)";

    @Inject
    ServiceGraphQL graphql;

    @Inject
    OrgServiceConfig config;

    OrgServiceClient() {
    }

    /** Outside CDI (tests against a stand-in server): no retries, no circuit breaker, no caller token. */
    public OrgServiceClient(ServiceGraphQL graphql, OrgServiceConfig config) {
        this.graphql = graphql;
        this.config = config;
    }

    public OrgServiceConfig config() {
        return config;
    }

    /**
     * A look-up a permission check or validation depends on, with the caller's own token (org-service applies its rules
     * to the caller). Any failure is UNAVAILABLE: when we cannot tell whether a write is allowed, it is not made.
     */
    public Uni<JsonObject> lookup(String what, String query, JsonObject variables) {
        return onCallersContext(graphql.callerToken().chain(bearer -> guardedLookup(bearer, what, query, variables, config.timeout())), what);
    }

    /** A look-up with a token the caller got elsewhere (the service's own identity, for work no request started). */
    public Uni<JsonObject> lookupAs(String bearer, String what, String query, JsonObject variables) {
        return onCallersContext(guardedLookup(bearer, what, query, variables, config.timeout()), what);
    }

    /** A look-up of the import (a whole document's names, the issuer's government): {@code import-timeout}. */
    public Uni<JsonObject> importLookup(String what, String query, JsonObject variables) {
        return onCallersContext(graphql.callerToken().chain(bearer -> guardedLookup(bearer, what, query, variables, config.importTimeout())), what);
    }

    /**
     * A step of the caller's own operation (a name resolution the import shows, creating an organization): org-service's
     * FORBIDDEN and BAD_USER_INPUT come back as ours, prefixed with {@code what}; never retried (a write may have
     * happened before the answer was lost).
     */
    public Uni<JsonObject> callAs(String bearer, String what, String query, JsonObject variables) {
        return onCallersContext(guardedCall(bearer, what, query, variables, config.importTimeout()), what);
    }

    /** The same with the caller's own token. */
    public Uni<JsonObject> call(String what, String query, JsonObject variables) {
        return onCallersContext(graphql.callerToken().chain(bearer -> guardedCall(bearer, what, query, variables, config.importTimeout())), what);
    }

    /** Reads only: one more attempt when org-service could not be reached or answered an error. */
    @AsynchronousNonBlocking
    @Retry(maxRetries = 1, delay = 0, jitter = 0, retryOn = UnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = { ForbiddenException.class, BadUserInputException.class })
    Uni<JsonObject> guardedLookup(String bearer, String what, String query, JsonObject variables, Duration timeout) {
        return graphql.lookupAs(bearer, config.url(), what, query, variables, timeout);
    }

    @AsynchronousNonBlocking
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = { ForbiddenException.class, BadUserInputException.class })
    Uni<JsonObject> guardedCall(String bearer, String what, String query, JsonObject variables, Duration timeout) {
        return graphql.callAs(bearer, config.url(), what, query, variables, timeout);
    }

    /**
     * The answer (or failure) on the Vert.x context the caller was on when it asked, captured before the caller's token
     * is read (the deferred identity may resolve elsewhere): Hibernate Reactive continues only there. While the breaker
     * is open, callers get the platform's UNAVAILABLE, as for any other failure to reach org-service.
     */
    private static Uni<JsonObject> onCallersContext(Uni<JsonObject> guarded, String what) {
        Context context = Vertx.currentContext();
        Uni<JsonObject> answer = guarded.onFailure(CircuitBreakerOpenException.class)
                .transform(e -> new UnavailableException(what + ": org-service failed repeatedly just now; try again in a few seconds"));
        return context == null ? answer : answer.emitOn(r -> context.runOnContext(v -> r.run()));
    }
}
