package gov.planning.org.keycloak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Keycloak on a real socket, and a {@link KeycloakAdminClient} pointed at it: it grants every token
 * request and answers the admin API's requests with {@code answers}, on {@code threads} threads of its own.
 */
final class KeycloakStandIn implements AutoCloseable {

    /** What the stand-in answers a request with. */
    record Answer(int status, String body) {

        static Answer ok(String body) {
            return new Answer(200, body);
        }
    }

    final KeycloakAdminClient client = new KeycloakAdminClient();
    private final HttpServer server;
    private final ExecutorService serving;

    KeycloakStandIn(int threads, Function<HttpExchange, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serving = Executors.newFixedThreadPool(threads);
        server.setExecutor(serving);
        server.createContext("/", exchange -> {
            Answer answer = exchange.getRequestURI().getPath().endsWith("/openid-connect/token")
                    ? Answer.ok("{\"access_token\":\"t\",\"expires_in\":300}") : answers.apply(exchange);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        client.realm = "planning";
        client.clientId = "planning-services";
        client.clientSecret = Optional.of("secret");
    }

    /** The request's path below the realm's admin API ({@code /groups/g-1/members}). */
    static String adminPath(HttpExchange exchange) {
        return exchange.getRequestURI().getPath().replace("/admin/realms/planning", "");
    }

    @Override
    public void close() {
        server.stop(0);
        serving.shutdownNow();
    }
}
