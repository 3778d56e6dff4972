package gov.planning.indicator.api;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/**
 * Batching for fields with arguments. SmallRye's {@code @Source List<...>} batching keys its loader by field name
 * only and hands the whole batch the arguments of the first occurrence, so two aliases asking for different
 * periods would both get the first one's rows. Here each (parent, arguments) pair is a key of a request-wide
 * DataLoader, which graphql-java dispatches once per level like SmallRye's own loaders.
 */
final class ArgumentBatches {

    private ArgumentBatches() {
    }

    static <K, V> CompletionStage<V> load(Context context, String loaderName, K key, Function<List<K>, Uni<List<V>>> batch) {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        DataLoader<K, V> loader = env.getDataLoaderRegistry().computeIfAbsent(loaderName,
                name -> DataLoaderFactory.<K, V>newDataLoader(keys -> batch.apply(keys).subscribeAsCompletionStage()));
        return loader.load(key);
    }
}
