package gov.planning.indicatorclient;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ForbiddenException;
import gov.planning.common.error.UnavailableException;
import gov.planning.common.remote.ServiceGraphQL;
import io.quarkus.arc.DefaultBean;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where every call to indicator-service goes: its URL and timeout ({@link IndicatorServiceConfig},
 * {@code planning.clients.indicator-service.*}), the token it carries (the importing user's, given by the caller; on
 * writes also this service's own, vouching for the plan's issuer), the retry of the one read and the circuit breaker. The operations are in {@link IndicatorOperations}.
 * <p>
 * Transport and fault tolerance as org-client's {@code OrgServiceClient} (decision 0006): platform-common's
 * {@link ServiceGraphQL}, which resumes on the caller's Vert.x context (Hibernate Reactive continues only there); the
 * HTTP request's own timeout; a retry without delay, on reads only (a write may have happened before its answer was lost).
 */
@ApplicationScoped
@DefaultBean
public class IndicatorServiceClient implements IndicatorClient {

    @Inject
    ServiceGraphQL graphql;

    @Inject
    IndicatorServiceConfig config;

    @Inject
    OidcClient oidc;

    private volatile Tokens tokens;

    IndicatorServiceClient() {
    }

    /** Outside CDI (tests against a stand-in server): no retries, no circuit breaker. */
    public IndicatorServiceClient(ServiceGraphQL graphql, IndicatorServiceConfig config, OidcClient oidc) {
        this.graphql = graphql;
        this.config = config;
        this.oidc = oidc;
    }

    @Override
    public Uni<Map<String, String>> indicatorsOf(String bearer, UUID planId) {
        String what = "indicator-service (reading the plan's indicators)";
        return onCallersContext(read(bearer, what, IndicatorOperations.INDICATORS_OF_PLAN,
                Json.createObjectBuilder().add("plan", planId.toString()).build()), what).map(data -> {
                    Map<String, String> byName = new LinkedHashMap<>();
                    data.getJsonObject("indicators").getJsonArray("edges").forEach(edge -> {
                        var i = edge.asJsonObject().getJsonObject("node");
                        byName.putIfAbsent(i.getString("name"), i.getString("id"));
                    });
                    return byName;
                });
    }

    @Override
    public Uni<String> createIndicator(String bearer, ImportedPlan plan, NewIndicator in) {
        JsonObjectBuilder input = Json.createObjectBuilder().add("name", in.name()).add("comparator", in.comparator())
                .add("targetValue", in.targetValue())
                .add("unit", orNull(in.unit()))
                .add("baselineValue", in.baselineValue() == null ? JsonValue.NULL : Json.createValue(in.baselineValue()))
                .add("baselineYear", in.baselineYear() == null ? JsonValue.NULL : Json.createValue(in.baselineYear()))
                .add("targetYear", in.targetYear() == null ? JsonValue.NULL : Json.createValue(in.targetYear()));
        JsonArrayBuilder orgs = Json.createArrayBuilder();
        in.responsibleOrgIds().forEach(id -> orgs.add(id.toString()));
        input.add("responsibleOrgIds", orgs);
        String what = "indicator-service (creating indicator " + in.name() + ")";
        return onCallersContext(write(bearer, plan, what, IndicatorOperations.CREATE_INDICATOR,
                Json.createObjectBuilder().add("plan", plan.planId().toString()).add("input", input).build()), what)
                .map(data -> data.getJsonObject("createIndicator").getString("id"));
    }

    @Override
    public Uni<Void> deleteIndicator(String bearer, ImportedPlan plan, String id) {
        String what = "indicator-service (removing indicator " + id + ")";
        return onCallersContext(write(bearer, plan, what, IndicatorOperations.DELETE_INDICATOR,
                Json.createObjectBuilder().add("id", id).build()), what).replaceWithVoid();
    }

    @Override
    public Uni<Void> setRegionalTargets(String bearer, ImportedPlan plan, String indicatorId, String period, List<RegionalTarget> rows, Double total, String unit) {
        JsonArrayBuilder given = Json.createArrayBuilder();
        rows.forEach(r -> given.add(Json.createObjectBuilder().add("regionId", r.regionId().toString()).add("value", r.value())));
        JsonObject variables = Json.createObjectBuilder().add("id", indicatorId).add("period", period).add("rows", given)
                .add("total", total == null ? JsonValue.NULL : Json.createValue(total))
                .add("unit", orNull(unit)).build();
        String what = "indicator-service (regional targets for " + period + ")";
        return onCallersContext(write(bearer, plan, what, IndicatorOperations.SET_REGIONAL_TARGETS, variables), what).replaceWithVoid();
    }

    /** The one read: one more attempt when indicator-service could not be reached or answered an error. */
    @AsynchronousNonBlocking
    @Retry(maxRetries = 1, delay = 0, jitter = 0, retryOn = UnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = { ForbiddenException.class, BadUserInputException.class })
    Uni<JsonObject> read(String bearer, String what, String query, JsonObject variables) {
        return graphql.callAs(bearer, config.url(), what, query, variables, config.timeout());
    }

    /**
     * Writes, in the importing user's name, with the plan's issuer vouched for by this service's own identity (decision
     * 0007): indicator-service's FORBIDDEN and BAD_USER_INPUT come back as ours; never retried.
     */
    @AsynchronousNonBlocking
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = { ForbiddenException.class, BadUserInputException.class })
    Uni<JsonObject> write(String bearer, ImportedPlan plan, String what, String query, JsonObject variables) {
        return serviceToken().chain(token -> graphql.callAs(bearer,
                Map.of(IndicatorOperations.PLAN_ISSUER_HEADER, plan.planId() + " " + plan.issuerId(), IndicatorOperations.SERVICE_TOKEN_HEADER, token),
                config.url(), what, query, variables, config.timeout()));
    }

    /** This service's access token, fetched again shortly before it expires (an import writes tens of times). */
    Uni<String> serviceToken() {
        Tokens current = tokens;
        if (current != null && !current.isAccessTokenExpired() && !current.isAccessTokenWithinRefreshInterval()) {
            return Uni.createFrom().item(current.getAccessToken());
        }
        return oidc.getTokens().onFailure().transform(e -> new UnavailableException(
                "indicator-service: this service's own identity (quarkus.oidc-client, planning-services) could not sign in to vouch for the "
                        + "plan's issuer (" + e.getMessage() + ")"))
                .invoke(fetched -> tokens = fetched).map(Tokens::getAccessToken);
    }

    private static JsonValue orNull(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    /** As org-client's: the answer on the caller's Vert.x context; an open breaker is the platform's UNAVAILABLE. */
    private static <T> Uni<T> onCallersContext(Uni<T> guarded, String what) {
        Context context = Vertx.currentContext();
        Uni<T> answer = guarded.onFailure(CircuitBreakerOpenException.class)
                .transform(e -> new UnavailableException(what + ": indicator-service failed repeatedly just now; try again in a few seconds"));
        return context == null ? answer : answer.emitOn(r -> context.runOnContext(v -> r.run()));
    }
}
