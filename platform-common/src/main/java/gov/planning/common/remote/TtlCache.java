package gov.planning.common.remote;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers of another service for a short time: one request may check permissions several times, and org trees and
 * plan issuers change rarely (a reorganization is seen within the TTL). Absent answers are cached too.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(Optional<V> value, long expiresAtMillis) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;

    public TtlCache(Duration ttl) {
        this.ttl = ttl;
    }

    /** The cached answer (possibly empty = "does not exist"), or null when there is none or it expired. */
    public Optional<V> get(K key) {
        Entry<V> e = entries.get(key);
        return e == null || e.expiresAtMillis() < System.currentTimeMillis() ? null : e.value();
    }

    public void put(K key, V valueOrNull) {
        entries.put(key, new Entry<>(Optional.ofNullable(valueOrNull), System.currentTimeMillis() + ttl.toMillis()));
    }
}
