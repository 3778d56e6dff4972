package gov.planning.gateway.composition;

import java.util.concurrent.CompletionStage;

/**
 * The gateway's own bearer token, for the requests it makes on nobody's behalf (fetching {@code _service { sdl }}):
 * every subgraph refuses anonymous requests.
 */
public interface ServiceTokenSource {

    CompletionStage<String> accessToken();
}
