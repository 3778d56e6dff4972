package gov.planning.gateway.apq;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.gateway.GatewayConfig;

/**
 * Automatic persisted queries (Apollo's APQ protocol): query texts by the lowercase hex SHA-256 of their UTF-8 bytes,
 * in a bounded in-memory LRU cache ({@code planning.apq.max-entries}). One cache per gateway instance: a client that
 * reaches another instance gets {@code PERSISTED_QUERY_NOT_FOUND} once and sends the query again.
 */
@ApplicationScoped
public class PersistedQueries {

    private final Map<String, String> cache;
    private final int maxEntries;

    @Inject
    public PersistedQueries(GatewayConfig config) {
        this(config.apq().maxEntries());
    }

    public PersistedQueries(int maxEntries) {
        this.maxEntries = maxEntries;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > PersistedQueries.this.maxEntries;
            }
        };
    }

    /** {@code planning.apq.max-entries=0} turns APQ off: hash-only requests get {@code PERSISTED_QUERY_NOT_SUPPORTED}. */
    public boolean enabled() {
        return maxEntries > 0;
    }

    public synchronized Optional<String> find(String sha256Hash) {
        return Optional.ofNullable(cache.get(normalize(sha256Hash)));
    }

    public synchronized void register(String sha256Hash, String query) {
        if (maxEntries > 0) {
            cache.put(normalize(sha256Hash), query);
        }
    }

    public synchronized int size() {
        return cache.size();
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
