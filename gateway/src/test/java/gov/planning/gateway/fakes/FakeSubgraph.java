package gov.planning.gateway.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import gov.planning.gateway.composition.PassThroughScalars;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * A subgraph in the test JVM: a real graphql-java schema built from a federation SDL shaped like SmallRye's, so the
 * gateway's generated operations are parsed and validated exactly as a subgraph would. It answers
 * {@code _service { sdl }} and batched {@code _entities}, refuses requests without a bearer token like ours do, and
 * records every request so tests can count calls ({@code GET /calls}, {@code POST /reset}). {@code POST /mode}
 * changes its behaviour until the next reset: {@code http500} fails every request, {@code system-error} fails every {@code _entities} fetch without a path, {@code slow} answers after the
 * gateway's timeout, {@code conflicting-sdl} makes {@code _service} answer {@code id: Int!} instead of
 * {@code id: ID!} (a conflict with the other subgraphs' entities).
 */
public final class FakeSubgraph {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sdl;
    private final GraphQL graphql;
    private final HttpServer server;
    private final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();
    private volatile String mode = "ok";

    /**
     * @param entities resolves one representation (typename, representation) to the entity's data, or null
     * @param wiring   the subgraph's own data fetchers (root fields and anything computed)
     */
    public FakeSubgraph(String sdl, BiFunction<String, Map<String, Object>, Map<String, Object>> entities,
            Consumer<RuntimeWiring.Builder> wiring) throws IOException {
        this.sdl = sdl;
        RuntimeWiring.Builder builder = RuntimeWiring.newRuntimeWiring().wiringFactory(PassThroughScalars.INSTANCE);
        builder.type("Query", b -> b
                .dataFetcher("_service", env -> Map.of("sdl", mode.equals("conflicting-sdl")
                        ? this.sdl.replace("id: ID!", "id: Int!") : this.sdl))
                .dataFetcher("_entities", (DataFetcher<Object>) env -> {
                    List<Map<String, Object>> representations = env.getArgument("representations");
                    return representations.stream()
                            .map(r -> entities.apply((String) r.get("__typename"), r)).toList();
                }));
        wiring.accept(builder);
        this.graphql = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), builder.build()))
                .build();
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/graphql", this::graphql);
        server.createContext("/calls", exchange -> respond(exchange, 200, JSON.writeValueAsBytes(Map.of("requests", requests))));
        server.createContext("/reset", exchange -> {
            requests.clear();
            mode = "ok";
            respond(exchange, 200, "{}".getBytes());
        });
        server.createContext("/mode", exchange -> {
            mode = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
            respond(exchange, 200, "{}".getBytes());
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-subgraph");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** A test resource's file as text (the fakes' SDLs live under src/test/resources). */
    public static String resource(String path) {
        try (InputStream in = FakeSubgraph.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code data} that says which object type it is (how graphql-java resolves interfaces and unions). */
    public static Map<String, Object> typed(String type, Map<String, Object> data) {
        if (data == null) {
            return null;
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>(data);
        copy.put("__typename", type);
        return copy;
    }

    /** What the fake at {@code url} was asked since its last reset: query, variables and the headers tests check. */
    public static List<Map<String, Object>> requests(String url) {
        return io.restassured.RestAssured.given().get(url.replace("/graphql", "/calls")).then().statusCode(200).extract().jsonPath()
                .getList("requests");
    }

    /** Forgets the fake's recorded requests and mode. */
    public static void reset(String url) {
        io.restassured.RestAssured.given().post(url.replace("/graphql", "/reset")).then().statusCode(200);
    }

    /** Serves more than GraphQL under {@code path} (e.g. plan-service's ledger downloads). */
    public void handle(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** Records a non-GraphQL request, so tests see it in {@link #requests(String)} too. */
    public void record(Map<String, Object> request) {
        requests.add(request);
    }

    /** What {@code POST /mode} last set ({@code ok} after a reset). */
    public String mode() {
        return mode;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/graphql";
    }

    public void stop() {
        server.stop(0);
    }

    @SuppressWarnings("unchecked")
    private void graphql(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            respond(exchange, 401, "{\"message\":\"no token\"}".getBytes());
            return;
        }
        Map<String, Object> body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readValue(in, Map.class);
        }
        Map<String, Object> recorded = new java.util.LinkedHashMap<>(body);
        recorded.put("traceparent", String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
        recorded.put("X-Request-Id", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
        requests.add(recorded);
        if (mode.equals("slow")) {
            try {
                Thread.sleep(4_000); // longer than the subgraph's configured timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (mode.equals("http500")) {
            respond(exchange, 500, "<html>Internal Server Error</html>".getBytes());
            return;
        }
        if (mode.equals("system-error") && String.valueOf(body.get("query")).contains("_entities")) {
            // What a SmallRye subgraph answers when a whole entity fetch fails: no data, no position in the path.
            respond(exchange, 200, ("{\"errors\":[{\"message\":\"System error\",\"extensions\":{\"code\":\"illegal-state\"}}],"
                    + "\"data\":null}").getBytes());
            return;
        }
        Map<String, Object> variables = body.get("variables") == null ? Map.of() : (Map<String, Object>) body.get("variables");
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput().query((String) body.get("query")).variables(variables));
        respond(exchange, 200, JSON.writeValueAsBytes(result.toSpecification()));
    }

    private static void respond(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
