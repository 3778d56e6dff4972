package gov.planning.logging;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets ({@code _bucket} series) for the request timers, so Prometheus can compute p99 across replicas
 * ({@code histogram_quantile}): the alert "p99 over budget" and the latency panels in k8s/monitoring need them.
 * Micrometer publishes only count, sum and max otherwise.
 */
@Singleton
public class LatencyHistograms {

    static final Set<String> TIMERS = Set.of("http.server.requests", "gateway.subgraph.requests");

    @Produces
    @Singleton
    MeterFilter requestLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMERS.contains(id.getName())) {
                    return config;
                }
                // 5 ms to 30 s keeps the bucket count (and the series per route) moderate.
                return DistributionStatisticConfig.builder().percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos()).build().merge(config);
            }
        };
    }
}
