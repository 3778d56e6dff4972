package gov.planning.planclient;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import gov.planning.common.error.UnavailableException;
import gov.planning.common.remote.ServiceGraphQL;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where every call to plan-service goes: its URL and timeout ({@link PlanServiceConfig},
 * {@code planning.clients.plan-service.*}), the caller's token, a retry and the circuit breaker. The operations are in
 * {@link PlanOperations}. Transport and fault tolerance as org-client's {@code OrgServiceClient} (decision 0006).
 * <p>
 * Issuers are cached (Caffeine, bounded and expiring) for every caller: a plan's issuer is the same whoever asks, and
 * plan-service answers it to every signed-in caller. "No such plan" is not cached: it may be created in a moment.
 */
@ApplicationScoped
public class PlanServiceClient implements PlanIssuers {

    static final String WHAT = "plan-service (the plan's issuer)";

    @Inject
    ServiceGraphQL graphql;

    @Inject
    PlanServiceConfig config;

    private Cache<UUID, UUID> issuers;

    PlanServiceClient() {
    }

    /** Outside CDI (tests against a stand-in server): no retries, no circuit breaker, no caller token. */
    public PlanServiceClient(ServiceGraphQL graphql, PlanServiceConfig config) {
        this.graphql = graphql;
        this.config = config;
        init();
    }

    @PostConstruct
    void init() {
        issuers = Caffeine.newBuilder().maximumSize(config.cache().maximumSize()).expireAfterWrite(config.cache().expireAfterWrite()).build();
    }

    @Override
    public Uni<UUID> issuerOf(UUID planId) {
        UUID cached = issuers.getIfPresent(planId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        JsonObject variables = Json.createObjectBuilder().add("p", planId.toString()).build();
        return onCallersContext(graphql.callerToken().chain(bearer -> lookup(bearer, PlanOperations.PLAN_ISSUER, variables))).map(data -> {
            UUID issuer = data.get("plan") instanceof JsonObject plan && plan.get("issuer") instanceof JsonObject org
                    && org.get("id") instanceof JsonString id ? UUID.fromString(id.getString()) : null;
            if (issuer != null) {
                issuers.put(planId, issuer);
            }
            return issuer;
        });
    }

    /** Reads only: one more attempt when plan-service could not be reached or answered an error (UNAVAILABLE). */
    @AsynchronousNonBlocking
    @Retry(maxRetries = 1, delay = 0, jitter = 0, retryOn = UnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    Uni<JsonObject> lookup(String bearer, String query, JsonObject variables) {
        return graphql.lookupAs(bearer, config.url(), WHAT, query, variables, config.timeout());
    }

    /** As org-client's: the answer on the caller's Vert.x context; an open breaker is the platform's UNAVAILABLE. */
    private static <T> Uni<T> onCallersContext(Uni<T> guarded) {
        Context context = Vertx.currentContext();
        Uni<T> answer = guarded.onFailure(CircuitBreakerOpenException.class)
                .transform(e -> new UnavailableException(WHAT + ": plan-service failed repeatedly just now; try again in a few seconds"));
        return context == null ? answer : answer.emitOn(r -> context.runOnContext(v -> r.run()));
    }
}
