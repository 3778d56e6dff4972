package gov.planning.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.planning.gateway.composition.SupergraphLoader;
import gov.planning.gateway.execution.GatewayExecutor;
import io.quarkus.security.Authenticated;

/**
 * The one GraphQL endpoint clients use. Authentication is checked here (and by the HTTP permission in
 * application.properties) before anything reaches a subgraph; authorization stays with the subgraphs, which get the
 * caller's own token.
 */
@Path("/graphql")
@Authenticated
public class GraphQLResource {

    /** A GraphQL-over-HTTP request body. */
    public record GraphQLRequest(String query, ObjectNode variables, String operationName) {
    }

    @Inject
    GatewayExecutor executor;

    @Inject
    SupergraphLoader supergraphs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<ObjectNode> execute(GraphQLRequest request, @HeaderParam("Authorization") String authorization,
            @HeaderParam("traceparent") String traceparent, @HeaderParam("tracestate") String tracestate) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        forwarded.put("Authorization", authorization);
        forwarded.put("traceparent", traceparent);
        forwarded.put("tracestate", tracestate);
        if (request == null) {
            return executor.execute(null, null, null, forwarded);
        }
        return executor.execute(request.query(), request.variables(), request.operationName(), forwarded);
    }

    /** The client-facing schema (no federation internals), for code generators and humans. Needs a token too. */
    @GET
    @Path("schema.graphql")
    @Produces(MediaType.TEXT_PLAIN)
    public Response schema() {
        return supergraphs.current().map(s -> Response.ok(s.apiSdl()).build())
                .orElseGet(() -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .entity("No supergraph yet: " + supergraphs.lastError()).build());
    }
}
