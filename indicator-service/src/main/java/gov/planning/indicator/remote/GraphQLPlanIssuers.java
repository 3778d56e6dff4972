package gov.planning.indicator.remote;

import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import gov.planning.common.remote.ServiceGraphQL;
import gov.planning.indicator.security.PlanIssuers;
import io.smallrye.mutiny.Uni;

/**
 * A plan's issuer from plan-service's GraphQL API ({@code planning.plan-service.url}), asked with the caller's token.
 * Asked rather than stored with the indicator: plan-service hides a plan while its importer creates the plan's
 * indicators, so a copy taken at creation would be missing exactly then (README, Permissions). Tests replace this
 * bean with a fake. Issuers are cached (Caffeine, bounded and expiring) for every caller: a plan's issuer is the same
 * whoever asks, and plan-service answers it to every signed-in caller.
 */
@ApplicationScoped
public class GraphQLPlanIssuers implements PlanIssuers {

    @Inject
    ServiceGraphQL graphql;

    @ConfigProperty(name = "planning.lookup.timeout", defaultValue = "PT5S")
    Duration timeout;

    @ConfigProperty(name = "planning.plan-service.url")
    String url;

    @ConfigProperty(name = "planning.lookup.cache-ttl", defaultValue = "PT1M")
    Duration ttl;

    private Cache<UUID, UUID> issuers;

    @PostConstruct
    void init() {
        issuers = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
    }

    @Override
    public Uni<UUID> issuerOf(UUID planId) {
        UUID cached = issuers.getIfPresent(planId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return graphql.lookup(url, "plan-service (the plan's issuer)", "query($p: ID!) { planIssuer(planId: $p) }",
                Json.createObjectBuilder().add("p", planId.toString()).build(), timeout).map(data -> {
                    UUID issuer = data.get("planIssuer") instanceof jakarta.json.JsonString id ? UUID.fromString(id.getString()) : null;
                    // Not caching "no such plan": it may be created in a moment.
                    if (issuer != null) {
                        issuers.put(planId, issuer);
                    }
                    return issuer;
                });
    }
}
