package gov.planning.gateway.apq;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;

import gov.planning.gateway.GatewayConfig;
import gov.planning.gateway.composition.SupergraphCache;

/**
 * Automatic persisted queries (Apollo's APQ protocol): query texts by the lowercase hex SHA-256 of their UTF-8 bytes,
 * in a bounded in-memory cache ({@code planning.apq.max-entries}; rarely and long unused texts go first). One cache per gateway instance: a client that
 * reaches another instance gets {@code PERSISTED_QUERY_NOT_FOUND} once and sends the query again.
 */
@ApplicationScoped
public class PersistedQueries {

    private final Cache<String, String> cache;
    private final int maxEntries;

    @Inject
    public PersistedQueries(GatewayConfig config) {
        this(config.apq().maxEntries());
    }

    public PersistedQueries(int maxEntries) {
        this.maxEntries = maxEntries;
        this.cache = SupergraphCache.bounded(maxEntries);
    }

    /** {@code planning.apq.max-entries=0} turns APQ off: hash-only requests get {@code PERSISTED_QUERY_NOT_SUPPORTED}. */
    public boolean enabled() {
        return maxEntries > 0;
    }

    public Optional<String> find(String sha256Hash) {
        return Optional.ofNullable(cache.getIfPresent(normalize(sha256Hash)));
    }

    public void register(String sha256Hash, String query) {
        if (maxEntries > 0) {
            cache.put(normalize(sha256Hash), query);
        }
    }

    public long size() {
        return cache.estimatedSize();
    }

    /** Whether {@code sha256Hash} is the SHA-256 of the query's UTF-8 bytes (hex, either case). */
    public static boolean matches(String query, String sha256Hash) {
        return sha256(query).equals(normalize(sha256Hash));
    }

    public static String sha256(String query) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalize(String hash) {
        return hash.toLowerCase(Locale.ROOT);
    }
}
