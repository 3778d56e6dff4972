package gov.planning.plan;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An IM robot's webhook for organization nmg.jyt: records every POSTed body and answers HTTP 500 to the first
 * {@link #failFirst} requests (then 200), so tests see a failed post retried.
 */
public class WebhookServerResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> BODIES = new CopyOnWriteArrayList<>();
    static final AtomicInteger failFirst = new AtomicInteger();
    static final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/robot", exchange -> {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failFirst.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                BODIES.add(body);
            }
            byte[] answer = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return Map.of("planning.webhooks.\"nmg.jyt\".url", "http://127.0.0.1:" + server.getAddress().getPort() + "/robot");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
