package gov.planning.common.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Checks the envelope of a request to {@code /graphql} before SmallRye reads it, because SmallRye answers a
 * {@code variables} that is not an object with HTTP 500 and a Java stack trace, and a syntax error without any
 * {@code extensions.code}. A body that is not a JSON object, lacks {@code query}, or has {@code variables} that are
 * not an object (or null) is HTTP 400 {@code BAD_REQUEST}, a body of another content type than JSON (or
 * {@code application/graphql}) HTTP 415 {@code BAD_REQUEST}; query text beyond {@code planning.limits.max-query-length}
 * is {@code QUERY_TOO_LARGE}, a query that does not parse {@code GRAPHQL_PARSE_FAILED}
 * (HTTP 200 like every other GraphQL error of the services). Then the parsed operation goes through
 * {@link OperationCheck}: its size with every fragment expanded ({@code QUERY_TOO_COMPLEX}, measured without expanding)
 * and {@code Int} values beyond 32 bits, which SmallRye would wrap. The route runs after authentication, so an
 * anonymous request is still 401.
 */
@ApplicationScoped
public class GraphQLRequestCheck {

    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String path;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBody;

    /**
     * Longer query text is refused before it is parsed. Generous: the gateway allows clients 20000 characters, and the
     * subgraph queries it plans from them add type conditions and key fields.
     */
    @ConfigProperty(name = "planning.limits.max-query-length", defaultValue = "100000")
    int maxQueryLength;

    /**
     * More fields once every fragment is spread are refused. Generous: the gateway allows clients 2000, and the
     * subgraph queries it plans from them add keys and a copy of a selection per possible type; an exponential
     * fragment bomb exceeds any bound at once.
     */
    @ConfigProperty(name = "planning.limits.max-fields", defaultValue = "20000")
    long maxFields;

    /** SmallRye's schema, produced once it is built. */
    @Inject
    Instance<GraphQLSchema> schema;

    void route(@Observes Router router) {
        String path = this.path.startsWith("/") ? this.path : "/" + this.path;
        // Order -1: after Quarkus's security filters (negative priorities), before the GraphQL route itself.
        router.route(HttpMethod.POST, path).order(-1).handler(BodyHandler.create(false).setBodyLimit(maxBody.asLongValue()))
                .handler(this::checkPost);
        router.route(HttpMethod.GET, path).order(-1).handler(this::checkGet);
    }

    void checkPost(RoutingContext rc) {
        String contentType = rc.request().getHeader("Content-Type");
        String body = rc.body().asString();
        if (contentType != null && contentType.startsWith("application/graphql")) {
            check(rc, body, null, null);
            return;
        }
        if (contentType != null && !isJson(contentType)) {
            refuse(rc, 415, BAD_REQUEST, "a GraphQL request is a JSON body sent as Content-Type application/json");
            return;
        }
        Object json;
        try {
            json = body == null || body.isBlank() ? null : Json.decodeValue(body);
        } catch (DecodeException e) {
            refuse(rc, 400, BAD_REQUEST, "the request body is not JSON");
            return;
        }
        if (!(json instanceof JsonObject request)) {
            refuse(rc, 400, BAD_REQUEST, "the request body must be a JSON object with query and variables");
            return;
        }
        Object query = request.getValue("query");
        if (query != null && !(query instanceof String)) {
            refuse(rc, 400, BAD_REQUEST, "query must be a string");
            return;
        }
        Object operationName = request.getValue("operationName");
        check(rc, (String) query, request.getValue("variables"), operationName instanceof String name ? name : null);
    }

    void checkGet(RoutingContext rc) {
        String variables = rc.request().getParam("variables");
        Object parsed = null;
        if (variables != null && !variables.isBlank()) {
            try {
                parsed = Json.decodeValue(variables);
            } catch (DecodeException e) {
                refuse(rc, 400, BAD_REQUEST, "variables must be a JSON object");
                return;
            }
        }
        check(rc, rc.request().getParam("query"), parsed, rc.request().getParam("operationName"));
    }

    private void check(RoutingContext rc, String query, Object variables, String operationName) {
        if (variables != null && !(variables instanceof JsonObject)) {
            refuse(rc, 400, BAD_REQUEST, "variables must be a JSON object (or null), not "
                    + (variables instanceof JsonArray ? "a list" : variables instanceof String ? "a string" : "a " + kind(variables)));
            return;
        }
        if (query == null || query.isBlank()) {
            // persisted-query requests without text are the gateway's business; SmallRye answers the rest
            rc.next();
            return;
        }
        if (query.length() > maxQueryLength) {
            refuse(rc, 200, "QUERY_TOO_LARGE", "the query has " + query.length() + " characters, more than the " + maxQueryLength
                    + " this service reads");
            return;
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            refuse(rc, 200, PARSE_FAILED, "the query does not parse: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            refuse(rc, 200, PARSE_FAILED, "the query does not parse");
            return;
        }
        OperationCheck.Refusal refusal = OperationCheck.check(document, schema.isResolvable() ? schema.get() : null, variables,
                operationName, maxFields);
        if (refusal != null) {
            refuse(rc, 200, refusal.code(), refusal.message());
            return;
        }
        rc.next();
    }

    /** application/json, also with parameters (charset) or as a +json subtype. */
    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String kind(Object value) {
        return value instanceof Number ? "number" : value instanceof Boolean ? "boolean" : "value";
    }

    private static void refuse(RoutingContext rc, int status, String code, String message) {
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code));
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
