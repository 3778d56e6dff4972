package gov.planning.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.planning.gateway.apq.PersistedQueries;
import gov.planning.gateway.composition.SupergraphLoader;
import gov.planning.gateway.execution.GatewayExecutor;
import gov.planning.logging.RequestLogContext;

/**
 * The one GraphQL endpoint clients use. Authentication is the HTTP permission {@code graphql} in
 * application.properties (policy {@code authenticated}), checked before anything reaches a subgraph; it is the one
 * switch, so a gateway in front of public subgraphs (the federation audit) can run with policy {@code permit}.
 * Authorization stays with the subgraphs, which get the caller's own token. Automatic persisted queries (Apollo's APQ protocol) are resolved here, before execution.
 */
@Path("/graphql")
public class GraphQLResource {

    /** A GraphQL-over-HTTP request body; {@code extensions.persistedQuery} is APQ. */
    public record GraphQLRequest(String query, ObjectNode variables, String operationName, JsonNode extensions) {
    }

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    @Inject
    GatewayExecutor executor;

    @Inject
    SupergraphLoader supergraphs;

    @Inject
    PersistedQueries persistedQueries;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<ObjectNode> execute(GraphQLRequest request, @HeaderParam("Authorization") String authorization,
            @HeaderParam("traceparent") String traceparent, @HeaderParam("tracestate") String tracestate) {
        Map<String, String> forwarded = forwarded(authorization, traceparent, tracestate);
        if (request == null) {
            return executor.execute(null, null, null, forwarded);
        }
        return run(request.query(), request.variables(), request.operationName(), request.extensions(), forwarded, false);
    }

    /**
     * GraphQL over HTTP GET ({@code query}, {@code variables}, {@code operationName}, {@code extensions} as URL
     * parameters, the JSON ones URL-encoded), mainly for APQ reads. Queries only; the answer is never cached.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> executeGet(@QueryParam("query") String query, @QueryParam("variables") String variables,
            @QueryParam("operationName") String operationName, @QueryParam("extensions") String extensions,
            @HeaderParam("Authorization") String authorization, @HeaderParam("traceparent") String traceparent,
            @HeaderParam("tracestate") String tracestate) {
        Map<String, String> forwarded = forwarded(authorization, traceparent, tracestate);
        CompletionStage<ObjectNode> answer;
        try {
            JsonNode parsedVariables = json(variables, "variables");
            if (parsedVariables != null && !parsedVariables.isObject()) {
                throw new IllegalArgumentException("The URL parameter variables must be a JSON object");
            }
            answer = run(query, (ObjectNode) parsedVariables, operationName, json(extensions, "extensions"), forwarded, true);
        } catch (IllegalArgumentException e) {
            answer = CompletableFuture.completedFuture(executor.error(e.getMessage(), "BAD_REQUEST"));
        }
        return answer.thenApply(body -> Response.ok(body).header("Cache-Control", "private, no-store").build());
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

    private CompletionStage<ObjectNode> run(String query, ObjectNode variables, String operationName, JsonNode extensions,
            Map<String, String> forwarded, boolean queriesOnly) {
        JsonNode persisted = extensions == null ? null : extensions.get("persistedQuery");
        if (persisted == null || persisted.isNull()) {
            return executor.execute(query, variables, operationName, forwarded, queriesOnly);
        }
        if (!persisted.isObject() || !persisted.path("version").isIntegralNumber() || persisted.path("version").asInt() != 1) {
            return fail("Unsupported persisted query version (only version 1 is supported)", "BAD_REQUEST");
        }
        String hash = persisted.path("sha256Hash").isTextual() ? persisted.path("sha256Hash").asText() : null;
        if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
            return fail("extensions.persistedQuery.sha256Hash must be the SHA-256 of the query as 64 hex digits", "BAD_REQUEST");
        }
        if (!persistedQueries.enabled()) {
            return fail("PersistedQueryNotSupported", "PERSISTED_QUERY_NOT_SUPPORTED");
        }
        if (query == null) {
            return persistedQueries.find(hash)
                    .map(known -> (CompletionStage<ObjectNode>) executor.execute(known, variables, operationName, forwarded, queriesOnly))
                    .orElseGet(() -> fail("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND"));
        }
        if (!PersistedQueries.matches(query, hash)) {
            return fail("provided sha does not match query", "PERSISTED_QUERY_HASH_MISMATCH");
        }
        // Registered only once it got past limits, parsing and validation (request errors answer without data).
        return executor.execute(query, variables, operationName, forwarded, queriesOnly).thenApply(response -> {
            if (response.has("data")) {
                persistedQueries.register(hash, query);
            }
            return response;
        });
    }

    private CompletionStage<ObjectNode> fail(String message, String code) {
        return CompletableFuture.completedFuture(executor.error(message, code));
    }

    private JsonNode json(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The URL parameter " + parameter + " is not valid JSON");
        }
    }

    private static Map<String, String> forwarded(String authorization, String traceparent, String tracestate) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        forwarded.put("Authorization", authorization);
        forwarded.put("traceparent", traceparent);
        forwarded.put("tracestate", tracestate);
        // The subgraphs log under the same request id, so one client request can be followed through every service.
        forwarded.put(RequestLogContext.REQUEST_ID_HEADER, RequestLogContext.currentRequestId());
        return forwarded;
    }
}
