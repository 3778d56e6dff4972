package gov.planning.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway is told from outside; see gateway/README.md for the variables that fill it. */
@ConfigMapping(prefix = "planning")
public interface GatewayConfig {

    /** Subgraphs by name; the name is what errors report as {@code extensions.serviceName}. */
    Map<String, Subgraph> subgraphs();

    /** Timeout of a subgraph that only the supergraph file names (configured subgraphs have their own). */
    @WithDefault("10s")
    Duration defaultSubgraphTimeout();

    /**
     * How long a mutation's own request to its subgraph may take, whatever the subgraph's read timeout. A write may
     * call other services (importing a plan document creates its indicators one by one); a gateway that gave up after
     * a read's timeout would answer an error for a write that still completes behind it. Below the Ingress's 120 s
     * proxy-read-timeout (k8s/base/ingress.yaml), so the client hears the gateway's answer, not the proxy's.
     */
    @WithDefault("100s")
    Duration mutationTimeout();

    /**
     * Most connections the gateway keeps open to one subgraph; requests beyond them wait for a free one (within their
     * timeout). {@code gateway.subgraph.pending} counts a subgraph's requests not answered yet.
     */
    @WithDefault("64")
    int subgraphConnections();

    Limits limits();

    Composition composition();

    Apq apq();

    Ledger ledger();

    interface Subgraph {
        /** The subgraph's GraphQL endpoint. */
        String url();

        /** How long one request to this subgraph may take before its fields become null with an error. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Limits {
        /** Deepest field nesting an operation may have (fragments counted where they are spread). */
        @WithDefault("12")
        int maxDepth();

        /** Most aliased fields an operation may have: aliases multiply the work of one request. */
        @WithDefault("30")
        int maxAliases();

        /**
         * Most fields an operation may select, counting each fragment's fields every time it is spread: the work
         * validation, planning and shaping do grows with it, and fragments spreading fragments can make it grow
         * exponentially with the text (refused with {@code QUERY_TOO_COMPLEX} before any of that work).
         */
        @WithDefault("2000")
        int maxFields();

        /** Longest operation text, in characters. */
        @WithDefault("20000")
        int maxOperationSize();
    }

    interface Composition {
        /** While a subgraph is unreachable at startup, composition is retried this often (readiness stays DOWN). */
        @WithDefault("5s")
        Duration retryInterval();

        /**
         * A supergraph SDL file as Apollo's composition writes it (rover, @apollo/composition): served instead of
         * composing the configured subgraphs; its {@code join__Graph} URLs are used for subgraphs not configured.
         */
        Optional<String> supergraphFile();

        /** Re-compose (or re-read the supergraph file) this often; absent: only at start and on /admin/recompose. */
        Optional<Duration> pollInterval();
    }

    interface Apq {
        /** Most query texts the automatic-persisted-query cache keeps (least recently used dropped first); 0 turns APQ off. */
        @WithDefault("1000")
        int maxEntries();
    }

    interface Ledger {
        /** The subgraph whose {@code /ledger/**} (next to its GraphQL endpoint) the gateway's {@code /ledger/**} proxies. */
        @WithDefault("plan-service")
        String subgraph();

        /** How long the ledger service may stay silent (building a large workbook) before the download fails with 504. */
        @WithDefault("60s")
        Duration timeout();
    }
}
