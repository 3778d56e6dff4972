package gov.planning.gateway.transport;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.planning.gateway.GatewayConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Posts GraphQL operations to subgraphs with Vert.x's HTTP client (Quarkus's Vert.x instance): nothing waits for an
 * answer, and each answer is handled on the Vert.x event loop that sent the request ({@code vert.x-eventloop-thread-N}),
 * where what follows it (the next level's requests, the client's response) runs too. HTTP/1.1 with keep-alive; at
 * most {@code planning.subgraph-connections} connections per subgraph, requests beyond them wait for a free one.
 * <p>
 * Why not the JDK client: its {@code sendAsync} completions are handed to {@code CompletableFuture}'s default
 * executor, which starts a new thread per task when the common pool's parallelism is below 2 (2 CPUs or fewer), and a
 * thread blocked per request in {@code send} costs two thread hand-offs per answer.
 */
@ApplicationScoped
public class SubgraphClient {

    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate");
    private static final CharSequence JSON = HttpHeaderValues.APPLICATION_JSON;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry meters;

    @Inject
    Tracer tracer;

    @Inject
    Vertx vertx;

    private HttpClient http;

    /** Requests sent and not answered yet, per subgraph (those waiting for a free connection included). */
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** Where the subgraphs a supergraph file names are, unless the configuration says otherwise. */
    private volatile Map<String, String> supergraphUrls = Map.of();

    @PostConstruct
    void start() {
        // One pool per subgraph (Vert.x pools by host and port). No h2c upgrade attempt: plain HTTP/1.1. Vert.x's
        // own tracing off: the fetch's client span is ours (clientSpan), named by the traceparent the subgraph gets;
        // a second span per request made by Vert.x would cost CPU and could put its own traceparent there instead.
        http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setKeepAlive(true)
                .setKeepAliveTimeout(30).setName("gateway-subgraphs").setTracingPolicy(TracingPolicy.IGNORE),
                new PoolOptions().setHttp1MaxSize(Math.max(1, config.subgraphConnections())));
    }

    @PreDestroy
    void stop() {
        http.close();
    }

    public void useSupergraphUrls(Map<String, String> urls) {
        this.supergraphUrls = Map.copyOf(urls);
    }

    public boolean knows(String subgraph) {
        return config.subgraphs().containsKey(subgraph) || supergraphUrls.containsKey(subgraph);
    }

    /** The subgraph's GraphQL endpoint: configured, else from the supergraph file; null if unknown. */
    public String url(String subgraph) {
        GatewayConfig.Subgraph configured = config.subgraphs().get(subgraph);
        return configured != null ? configured.url() : supergraphUrls.get(subgraph);
    }

    /**
     * @param headers forwarded as they are (Authorization, X-Request-Id); null values are skipped; a {@code traceparent}
     *        names the span the fetch's client span belongs to, and the subgraph gets the client span's own
     * @return the subgraph's whole GraphQL response ({@code data} and {@code errors}), completed on the event loop
     *         that sent the request
     */
    public CompletableFuture<JsonNode> post(String subgraph, String query, ObjectNode variables, Map<String, String> headers) {
        return parsed(subgraph, postRaw(subgraph, query, variables, headers, false));
    }

    /** A mutation's root fields: as {@link #post}, waiting up to {@code planning.mutation-timeout}. */
    public CompletableFuture<JsonNode> postMutation(String subgraph, String query, ObjectNode variables, Map<String, String> headers) {
        return parsed(subgraph, postRaw(subgraph, query, variables, headers, true));
    }

    /** A subgraph's answer as it came: its HTTP status and body, not parsed yet. */
    public record Answer(int status, Buffer body) {
    }

    /**
     * As {@link #post} (or {@link #postMutation}), but the answer is the body as it came, for a caller that reads it
     * as a stream ({@link #graphQL} turns it into what {@link #post} answers). Failures are the same
     * {@link SubgraphException}s.
     */
    public CompletableFuture<Answer> postRaw(String subgraph, String query, ObjectNode variables, Map<String, String> headers,
            boolean mutation) {
        GatewayConfig.Subgraph configured = config.subgraphs().get(subgraph);
        Duration timeout = mutation ? config.mutationTimeout()
                : configured != null ? configured.timeout() : config.defaultSubgraphTimeout();
        return post(subgraph, query, variables, headers, timeout);
    }

    /** Parsed on the thread the answer came on; a body that is no GraphQL answer fails with its SubgraphException as it is. */
    private CompletableFuture<JsonNode> parsed(String subgraph, CompletableFuture<Answer> raw) {
        CompletableFuture<JsonNode> parsed = new CompletableFuture<>();
        raw.whenComplete((answer, failure) -> {
            if (failure != null) {
                parsed.completeExceptionally(failure);
                return;
            }
            try {
                parsed.complete(graphQL(subgraph, answer.status(), answer.body()));
            } catch (SubgraphException e) {
                parsed.completeExceptionally(e);
            }
        });
        return parsed;
    }

    private CompletableFuture<Answer> post(String subgraph, String query, ObjectNode variables, Map<String, String> headers,
            Duration timeout) {
        String url = url(subgraph);
        if (url == null) {
            return CompletableFuture.failedFuture(new SubgraphException("No URL for subgraph " + subgraph, "SUBGRAPH_UNAVAILABLE", null));
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("query", query);
        body.set("variables", variables == null ? mapper.createObjectNode() : variables);
        Buffer payload;
        RequestOptions request;
        try {
            payload = Buffer.buffer(mapper.writeValueAsBytes(body));
            request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                    .putHeader(HttpHeaders.CONTENT_TYPE, JSON).putHeader(HttpHeaders.ACCEPT, JSON);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(new SubgraphException("Cannot build request to " + subgraph, "SUBGRAPH_UNAVAILABLE", e));
        }
        headers.forEach((name, value) -> {
            if (value != null && !value.isBlank() && !TRACE_HEADERS.contains(name)) {
                request.putHeader(name, value);
            }
        });
        Span span = clientSpan(subgraph, url, headers);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), request, RequestOptions::putHeader);
        return new Exchange(subgraph, timeout, span).send(request, payload);
    }

    /**
     * One request's life. The timeout bounds all of it (waiting for a free connection, sending, the whole answer);
     * when it fires first, the request is reset, which closes its connection, so a stuck subgraph cannot keep
     * a pooled connection busy.
     */
    private final class Exchange {
        private final String subgraph;
        private final Duration timeout;
        private final Span span;
        private final Timer.Sample sample = Timer.start(meters);
        private final CompletableFuture<Answer> answer = new CompletableFuture<>();
        private final AtomicInteger inFlight;
        /** Set once, by whichever comes first: the answer, a failure or the timeout. */
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile HttpClientRequest sent;
        private long timer;

        Exchange(String subgraph, Duration timeout, Span span) {
            this.subgraph = subgraph;
            this.timeout = timeout;
            this.span = span;
            this.inFlight = pending.computeIfAbsent(subgraph, name -> {
                AtomicInteger count = new AtomicInteger();
                Gauge.builder("gateway.subgraph.pending", count, AtomicInteger::get)
                        .description("Requests to a subgraph sent and not answered yet, those waiting for a free connection included")
                        .tag("subgraph", name).register(meters);
                return count;
            });
        }

        CompletableFuture<Answer> send(RequestOptions request, Buffer payload) {
            inFlight.incrementAndGet();
            timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> timedOut());
            http.request(request).onComplete(connected -> {
                if (connected.failed()) {
                    failed(connected.cause());
                    return;
                }
                HttpClientRequest req = connected.result();
                sent = req;
                if (settled.get()) {
                    req.reset(); // the timeout came first: never sent, its connection closed
                    return;
                }
                req.send(payload).onComplete(response -> {
                    if (response.failed()) {
                        failed(response.cause());
                        return;
                    }
                    int status = response.result().statusCode();
                    response.result().body().onComplete(read -> {
                        if (read.failed()) {
                            failed(read.cause());
                        } else {
                            answered(status, read.result());
                        }
                    });
                });
            });
            return answer;
        }

        private void timedOut() {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            finish("failure", null, new TimeoutException());
            answer.completeExceptionally(new SubgraphException(subgraph + " did not answer within " + timeout.toMillis() + " ms",
                    "SUBGRAPH_TIMEOUT", null));
            HttpClientRequest req = sent;
            if (req != null) {
                req.reset();
            }
        }

        private void failed(Throwable failure) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            vertx.cancelTimer(timer);
            finish("failure", null, failure);
            answer.completeExceptionally(new SubgraphException(subgraph + " is unreachable: "
                    + (failure.getMessage() != null ? failure.getMessage() : failure.toString()), "SUBGRAPH_UNAVAILABLE", failure));
        }

        private void answered(int status, Buffer body) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            vertx.cancelTimer(timer);
            finish(null, status, null);
            answer.complete(new Answer(status, body));
        }

        private void finish(String outcome, Integer status, Throwable failure) {
            inFlight.decrementAndGet();
            sample.stop(timer(subgraph, outcome != null ? outcome : String.valueOf(status)));
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            } else {
                span.setAttribute("http.response.status_code", status);
                if (status >= 500) {
                    span.setStatus(StatusCode.ERROR);
                }
            }
            span.end();
        }
    }

    /**
     * The subgraph's whole GraphQL response ({@code data} and {@code errors}) as a tree.
     *
     * @throws SubgraphException when the body is no GraphQL response (its code says why)
     */
    public JsonNode graphQL(String subgraph, int status, Buffer body) {
        JsonNode json;
        try {
            json = mapper.readTree(body.getBytes());
        } catch (Exception e) {
            json = null;
        }
        // A GraphQL answer (even with HTTP 4xx/5xx) keeps its errors; anything else is a transport failure.
        if (json == null || !json.isObject() || !(json.has("data") || json.has("errors"))) {
            throw new SubgraphException(subgraph + " answered HTTP " + status + " without a GraphQL response",
                    status == 401 || status == 403 ? "UNAUTHENTICATED" : "SUBGRAPH_BAD_RESPONSE", null);
        }
        countErrors(subgraph, json.path("errors"));
        return json;
    }

    /** The errors a GraphQL answer of the subgraph reports, counted ({@code gateway.subgraph.errors}). */
    public void countErrors(String subgraph, JsonNode errors) {
        if (errors.isArray() && !errors.isEmpty()) {
            // HTTP 200 with GraphQL errors: invisible in the request timer's outcome, but what ops alert on
            meters.counter("gateway.subgraph.errors", "subgraph", subgraph).increment(errors.size());
        }
    }

    private Timer timer(String subgraph, String outcome) {
        return timers.computeIfAbsent(subgraph + '\n' + outcome, key -> Timer.builder("gateway.subgraph.requests")
                .description("Requests from the gateway to a subgraph").tag("subgraph", subgraph).tag("outcome", outcome)
                .register(meters));
    }

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** A client span per fetch, child of the span the headers' traceparent names (the client request's). */
    private Span clientSpan(String subgraph, String url, Map<String, String> headers) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADERS);
        return tracer.spanBuilder("POST " + subgraph).setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "POST").setAttribute("url.full", url)
                .setAttribute("planning.subgraph", subgraph).startSpan();
    }
}
