package gov.planning.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import gov.planning.gateway.composition.SupergraphLoader;

/**
 * Ready once a supergraph is composed: before that every operation would fail. It reads the loader's state only;
 * it never calls a subgraph (a slow subgraph must not make the gateway look down).
 */
@Readiness
@ApplicationScoped
public class SupergraphReadiness implements HealthCheck {

    @Inject
    SupergraphLoader supergraphs;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("supergraph");
        return supergraphs.current()
                .map(s -> builder.up().withData("subgraphs", String.join(",", s.subgraphs())).build())
                .orElseGet(() -> builder.down().withData("error", String.valueOf(supergraphs.lastError())).build());
    }
}
