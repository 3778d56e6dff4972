package gov.planning.gateway.composition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import gov.planning.gateway.GatewayConfig;
import gov.planning.gateway.transport.SubgraphClient;
import io.quarkus.runtime.StartupEvent;

/**
 * Holds the current supergraph. At startup it fetches every subgraph's SDL and composes; an unreachable subgraph
 * (services start in any order) is retried in the background while readiness reports DOWN, but conflicting schemas
 * stop the startup with the conflicts listed, since serving a graph nobody agreed on would be worse than not
 * starting. {@link #recompose()} swaps the supergraph atomically, keeping the old one if the new one fails.
 */
@ApplicationScoped
public class SupergraphLoader {

    private static final Logger LOG = Logger.getLogger(SupergraphLoader.class);
    private static final String SDL_QUERY = "{ _service { sdl } }";

    @Inject
    GatewayConfig config;

    @Inject
    SubgraphClient client;

    @Inject
    ServiceTokenSource tokens;

    private final AtomicReference<Supergraph> current = new AtomicReference<>();
    private volatile String lastError = "not composed yet";
    /** The supergraph file's text last served: an unchanged file is not read into a new supergraph again. */
    private volatile String lastFileText;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "supergraph-composition");
        thread.setDaemon(true);
        return thread;
    });

    void onStart(@Observes StartupEvent event) {
        schedulePolling();
        try {
            recompose().join();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CompositionException conflict) {
                throw conflict;
            }
            scheduleRetry();
        }
    }

    private void scheduleRetry() {
        retries.schedule(() -> recompose().whenComplete((ok, failure) -> {
            Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
            if (failure != null && !(cause instanceof CompositionException)) {
                scheduleRetry();
            }
        }), config.composition().retryInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void schedulePolling() {
        config.composition().pollInterval().ifPresent(interval -> retries.scheduleWithFixedDelay(
                () -> recompose().exceptionally(failure -> null), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }

    public Optional<Supergraph> current() {
        return Optional.ofNullable(current.get());
    }

    public String lastError() {
        return lastError;
    }

    /**
     * Fetches every subgraph's SDL and composes (or reads the supergraph file), and on success makes the result
     * current. Requests in flight keep the supergraph they started with.
     */
    public CompletableFuture<Supergraph> recompose() {
        Optional<String> file = config.composition().supergraphFile();
        if (file.isPresent()) {
            return CompletableFuture.supplyAsync(() -> readFile(file.get())).whenComplete(this::report);
        }
        List<String> names = config.subgraphs().keySet().stream().sorted().toList();
        return tokens.accessToken().toCompletableFuture().thenCompose(token -> {
            List<CompletableFuture<SubgraphSdl>> fetches = new ArrayList<>();
            for (String name : names) {
                fetches.add(client.post(name, SDL_QUERY, null, Map.of("Authorization", "Bearer " + token))
                        .thenApply(response -> new SubgraphSdl(name, sdlOf(name, response))));
            }
            return CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new))
                    .thenApply(all -> fetches.stream().map(CompletableFuture::join).toList());
            // Composing is CPU work of its own: on the composition thread, not on the event loop the last SDL came in on.
        }).thenApplyAsync(sdls -> {
            Supergraph supergraph = new Composer().compose(sdls);
            current.set(supergraph);
            lastError = null;
            LOG.infof("Supergraph composed from %s: %d types", names, supergraph.apiSchema().getAllTypesAsList().size());
            return supergraph;
        }, retries).whenComplete(this::report);
    }

    private Supergraph readFile(String path) {
        String text;
        try {
            text = Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the supergraph file " + path + ": " + e.getMessage(), e);
        }
        if (text.equals(lastFileText) && current.get() != null) {
            return current.get();
        }
        Supergraph supergraph = new SupergraphSdlReader().read(text);
        client.useSupergraphUrls(supergraph.urls());
        current.set(supergraph);
        lastFileText = text;
        lastError = null;
        LOG.infof("Supergraph read from %s: subgraphs %s, %d types", path, supergraph.subgraphs(),
                supergraph.apiSchema().getAllTypesAsList().size());
        return supergraph;
    }

    private void report(Supergraph ok, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            lastError = cause.getMessage();
            LOG.errorf("Supergraph composition failed (keeping the %s): %s",
                    current.get() == null ? "gateway not ready" : "previous supergraph", cause.getMessage());
        }
    }

    private static String sdlOf(String name, JsonNode response) {
        JsonNode sdl = response.path("data").path("_service").path("sdl");
        if (!sdl.isTextual()) {
            throw new IllegalStateException(name + " answered no _service.sdl: " + response.path("errors"));
        }
        return sdl.asText();
    }
}
