package gov.planning.gateway.api;

import java.io.IOException;
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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import gov.planning.gateway.apq.PersistedQueries;
import gov.planning.gateway.composition.SupergraphLoader;
import gov.planning.gateway.execution.GatewayExecutor;
import gov.planning.gateway.planning.RequestException;
import gov.planning.logging.RequestLogContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * The one GraphQL endpoint clients use. Authentication is the HTTP permission {@code graphql} in
 * application.properties (policy {@code authenticated}), checked before anything reaches a subgraph; it is the one
 * switch, so a gateway in front of public subgraphs (the federation audit) can run with policy {@code permit}.
 * Authorization stays with the subgraphs, which get the caller's own token. Automatic persisted queries (Apollo's APQ protocol) are resolved here, before execution.
 */
@Path("/graphql")
public class GraphQLResource {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    @Inject
    GatewayExecutor executor;

    @Inject
    SupergraphLoader supergraphs;

    @Inject
    PersistedQueries persistedQueries;

    @Inject
    ObjectMapper mapper;

    @Inject
    PendingAccounts pending;

    /**
     * On the event loop: an operation the gateway has planned before runs at once; the executor moves parsing,
     * validation and planning to a worker thread.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<ObjectNode> execute(byte[] body, @HeaderParam("Authorization") String authorization) {
        Map<String, String> forwarded = forwarded(authorization);
        try {
            GraphQLRequest request = GraphQLRequest.of(body == null || body.length == 0 ? null : json(body));
            return run(request, forwarded, false);
        } catch (RequestException e) {
            return fail(e.getMessage(), e.code());
        }
    }

    /**
     * A body of any other type (a form, text, XML, multipart) is a client bug: answered in the error format with its
     * code, instead of the framework's bare 415. The {@code application/json} method above is the more specific match.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response notJson() {
        return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
                .entity(executor.error("A GraphQL request is a JSON body sent with Content-Type: application/json", "BAD_REQUEST"))
                .build();
    }

    /**
     * GraphQL over HTTP GET ({@code query}, {@code variables}, {@code operationName}, {@code extensions} as URL
     * parameters, the JSON ones URL-encoded), mainly for APQ reads. Queries only; the answer is never cached.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> executeGet(@QueryParam("query") String query, @QueryParam("variables") String variables,
            @QueryParam("operationName") String operationName, @QueryParam("extensions") String extensions,
            @HeaderParam("Authorization") String authorization) {
        Map<String, String> forwarded = forwarded(authorization);
        CompletionStage<ObjectNode> answer;
        try {
            GraphQLRequest request = GraphQLRequest.of(query == null ? null : TextNode.valueOf(query),
                    parameter(variables, "variables"), operationName == null ? null : TextNode.valueOf(operationName),
                    parameter(extensions, "extensions"));
            answer = run(request, forwarded, true);
        } catch (RequestException e) {
            answer = fail(e.getMessage(), e.code());
        }
        return answer.thenApply(response -> Response.ok(response).header("Cache-Control", "private, no-store").build());
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

    private CompletionStage<ObjectNode> run(GraphQLRequest request, Map<String, String> forwarded, boolean queriesOnly) {
        String refusal = pending.refusal();
        if (refusal != null) {
            return fail(refusal, "FORBIDDEN");
        }
        String query = request.query();
        ObjectNode variables = request.variables();
        String operationName = request.operationName();
        JsonNode extensions = request.extensions();
        JsonNode persisted = extensions == null ? null : extensions.get("persistedQuery");
        if (persisted == null || persisted.isNull()) {
            return executor.execute(query, variables, operationName, forwarded, queriesOnly);
        }
        if (!persisted.isObject()) {
            return fail("extensions.persistedQuery must be a JSON object", "BAD_REQUEST");
        }
        if (!persisted.path("version").isIntegralNumber() || persisted.path("version").asInt() != 1) {
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

    private JsonNode parameter(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RequestException("BAD_REQUEST", "The URL parameter " + name + " is not valid JSON");
        }
    }

    /** Jackson's own messages name its classes and settings, so the client gets the position only. */
    private JsonNode json(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new RequestException("BAD_REQUEST", "The request body goes beyond what the gateway reads: a number, string or"
                    + " name too long, or nesting too deep");
        } catch (IOException e) {
            JsonLocation at = e instanceof JsonProcessingException json ? json.getLocation() : null;
            throw new RequestException("BAD_REQUEST", "The request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static Map<String, String> forwarded(String authorization) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        forwarded.put("Authorization", authorization);
        // This request's span (continuing the caller's traceparent): SubgraphClient's fetch spans are its children,
        // even when a later level is fetched on another thread, where Context.current() no longer knows it.
        W3CTraceContextPropagator.getInstance().inject(Context.current(), forwarded, Map::put);
        // The subgraphs log under the same request id, so one client request can be followed through every service.
        forwarded.put(RequestLogContext.REQUEST_ID_HEADER, RequestLogContext.currentRequestId());
        return forwarded;
    }
}
