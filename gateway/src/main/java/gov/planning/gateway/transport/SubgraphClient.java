package gov.planning.gateway.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.planning.gateway.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Posts GraphQL operations to subgraphs with the JDK client, each on one of a fixed set of named threads
 * ({@code gateway-subgraph-N}, {@code planning.subgraph-threads}) that waits for the answer: the caller (a Vert.x
 * worker) never blocks, and what follows an answer runs on that same thread.
 * <p>
 * Why not {@code sendAsync}: its completions are handed to {@code CompletableFuture}'s default executor, which
 * starts a new thread per task when the common pool's parallelism is below 2 (a machine or pod with 2 CPUs or fewer):
 * hundreds of thousands of threads in one benchmark, whatever executor the client itself is given.
 */
@ApplicationScoped
public class SubgraphClient {

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry meters;

    @Inject
    Tracer tracer;

    private ExecutorService waiting;
    private ExecutorService io;
    private HttpClient http;

    /** Where the subgraphs a supergraph file names are, unless the configuration says otherwise. */
    private volatile Map<String, String> supergraphUrls = Map.of();

    @PostConstruct
    void start() {
        int threads = Math.max(1, config.subgraphThreads());
        // Started one by one as load needs them, then kept: at most `threads` ever start. (Letting idle ones retire
        // would start a new one per request after every quiet minute, since a pool below its core size never reuses.)
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("gateway-subgraph-"));
        waiting = ExecutorServiceMetrics.monitor(meters, pool, "gateway.subgraph", List.<Tag>of());
        // The client's own selector hand-offs never block: two threads are plenty, and bounded.
        io = Executors.newFixedThreadPool(2, named("gateway-subgraph-io-"));
        // HTTP/1.1: no h2c upgrade attempt on every plain-HTTP request to a subgraph.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @PreDestroy
    void stop() {
        waiting.shutdownNow();
        io.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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
     * @return the subgraph's whole GraphQL response ({@code data} and {@code errors}), completed on a
     *         {@code gateway-subgraph-N} thread
     */
    public CompletableFuture<JsonNode> post(String subgraph, String query, ObjectNode variables, Map<String, String> headers) {
        GatewayConfig.Subgraph configured = config.subgraphs().get(subgraph);
        return post(subgraph, query, variables, headers, configured != null ? configured.timeout() : config.defaultSubgraphTimeout());
    }

    /** A mutation's root fields: as {@link #post}, waiting up to {@code planning.mutation-timeout}. */
    public CompletableFuture<JsonNode> postMutation(String subgraph, String query, ObjectNode variables, Map<String, String> headers) {
        return post(subgraph, query, variables, headers, config.mutationTimeout());
    }

    private CompletableFuture<JsonNode> post(String subgraph, String query, ObjectNode variables, Map<String, String> headers,
            Duration timeout) {
        String url = url(subgraph);
        if (url == null) {
            return CompletableFuture.failedFuture(new SubgraphException("No URL for subgraph " + subgraph, "SUBGRAPH_UNAVAILABLE", null));
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("query", query);
        body.set("variables", variables == null ? mapper.createObjectNode() : variables);
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(new SubgraphException("Cannot build request to " + subgraph, "SUBGRAPH_UNAVAILABLE", e));
        }
        headers.forEach((name, value) -> {
            if (value != null && !value.isBlank() && !TRACE_HEADERS.contains(name)) {
                request.header(name, value);
            }
        });
        Span span = clientSpan(subgraph, url, headers);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), request, HttpRequest.Builder::header);
        HttpRequest built = request.build();
        try {
            return CompletableFuture.supplyAsync(() -> exchange(subgraph, built, timeout, span), waiting);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            endSpan(span, null, e);
            return CompletableFuture.failedFuture(new SubgraphException("The gateway is shutting down", "SUBGRAPH_UNAVAILABLE", e));
        }
    }

    private JsonNode exchange(String subgraph, HttpRequest request, Duration timeout, Span span) {
        Timer.Sample sample = Timer.start(meters);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stop(sample, subgraph, "failure");
            endSpan(span, null, failure);
            if (failure instanceof HttpTimeoutException) {
                throw new SubgraphException(subgraph + " did not answer within " + timeout.toMillis() + " ms",
                        "SUBGRAPH_TIMEOUT", failure);
            }
            throw new SubgraphException(subgraph + " is unreachable: " + (failure.getMessage() != null ? failure.getMessage() : failure.toString()),
                    "SUBGRAPH_UNAVAILABLE", failure);
        }
        stop(sample, subgraph, String.valueOf(response.statusCode()));
        endSpan(span, response, null);
        JsonNode json;
        try {
            json = mapper.readTree(response.body());
        } catch (Exception e) {
            json = null;
        }
        // A GraphQL answer (even with HTTP 4xx/5xx) keeps its errors; anything else is a transport failure.
        if (json == null || !json.isObject() || !(json.has("data") || json.has("errors"))) {
            throw new SubgraphException(subgraph + " answered HTTP " + response.statusCode() + " without a GraphQL response",
                    response.statusCode() == 401 || response.statusCode() == 403 ? "UNAUTHENTICATED" : "SUBGRAPH_BAD_RESPONSE", null);
        }
        JsonNode errors = json.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            // HTTP 200 with GraphQL errors: invisible in the request timer's outcome, but what ops alert on
            meters.counter("gateway.subgraph.errors", "subgraph", subgraph).increment(errors.size());
        }
        return json;
    }

    private void stop(Timer.Sample sample, String subgraph, String outcome) {
        sample.stop(Timer.builder("gateway.subgraph.requests").description("Requests from the gateway to a subgraph")
                .tag("subgraph", subgraph).tag("outcome", outcome).register(meters));
    }

    private static final java.util.Set<String> TRACE_HEADERS = java.util.Set.of("traceparent", "tracestate");

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

    private static void endSpan(Span span, HttpResponse<?> response, Throwable failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        } else {
            span.setAttribute("http.response.status_code", response.statusCode());
            if (response.statusCode() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
        }
        span.end();
    }
}
