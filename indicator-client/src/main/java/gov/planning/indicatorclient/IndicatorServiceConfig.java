package gov.planning.indicatorclient;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How other services reach indicator-service: every setting of {@link IndicatorServiceClient}, one prefix. */
@ConfigMapping(prefix = "planning.clients.indicator-service")
public interface IndicatorServiceConfig {

    /** indicator-service's GraphQL endpoint (env {@code INDICATOR_SERVICE_URL}). */
    String url();

    /**
     * Each call waits at most this (per attempt). The calls are the import's (creating a plan's indicators and regional
     * targets), which take longer than a permission look-up on a busy machine.
     */
    @WithDefault("PT20S")
    Duration timeout();
}
