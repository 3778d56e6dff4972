package gov.planning.gateway.composition;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A bounded cache of what was worked out against one supergraph (validated documents, query plans): a new
 * supergraph (a recomposition that changed anything) starts an empty one, since what held before may not now.
 * Requests still running on the old supergraph neither read nor fill the new cache.
 */
public final class SupergraphCache<K, V> {

    private record Generation<K, V>(Supergraph supergraph, Cache<K, V> entries) {
    }

    private final int maxEntries;
    private volatile Generation<K, V> current;

    public SupergraphCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * A Caffeine cache of at most {@code maxEntries} (rarely and long unused entries go first), maintained on the
     * calling thread so that its size is exact when a put returns; {@code 0} keeps nothing.
     */
    public static <K, V> Cache<K, V> bounded(int maxEntries) {
        return Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
    }

    /** The value kept for this key against this very supergraph; null if none. */
    public V get(Supergraph supergraph, K key) {
        Generation<K, V> generation = current;
        return generation != null && generation.supergraph() == supergraph ? generation.entries().getIfPresent(key) : null;
    }

    public void put(Supergraph supergraph, K key, V value) {
        Generation<K, V> generation = current;
        if (generation == null || generation.supergraph() != supergraph) {
            synchronized (this) {
                generation = current;
                if (generation == null || generation.supergraph() != supergraph) {
                    generation = new Generation<>(supergraph, bounded(maxEntries));
                    current = generation;
                }
            }
        }
        generation.entries().put(key, value);
    }

    public long size() {
        Generation<K, V> generation = current;
        return generation == null ? 0 : generation.entries().estimatedSize();
    }
}
