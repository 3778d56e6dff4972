package gov.planning.gateway.composition;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.client.OidcClient;

/** Client-credentials grant of the confidential Keycloak client {@code planning-services} (quarkus-oidc-client). */
@ApplicationScoped
public class OidcClientServiceTokenSource implements ServiceTokenSource {

    @Inject
    OidcClient client;

    @Override
    public CompletionStage<String> accessToken() {
        return client.getTokens().map(tokens -> tokens.getAccessToken()).subscribeAsCompletionStage();
    }
}
