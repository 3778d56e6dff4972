package gov.planning.gateway.fakes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import gov.planning.gateway.composition.ServiceTokenSource;
import gov.planning.testing.TestTokens;

/** Stands in for the client-credentials grant: tests have no Keycloak, and the fakes only check a token is there. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestServiceTokenSource implements ServiceTokenSource {

    @Override
    public CompletionStage<String> accessToken() {
        return CompletableFuture.completedFuture(TestTokens.token("service-account-planning-services", java.util.List.of(), java.util.List.of()));
    }
}
