package gov.planning.planclient;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How other services reach plan-service: every setting of {@link PlanServiceClient}, one prefix. */
@ConfigMapping(prefix = "planning.clients.plan-service")
public interface PlanServiceConfig {

    /** plan-service's GraphQL endpoint (env {@code PLAN_SERVICE_URL}). */
    String url();

    /** Each look-up a permission check waits on: the caller waits at most this (per attempt). */
    @WithDefault("PT5S")
    Duration timeout();

    Cache cache();

    interface Cache {
        /** A plan's issuer, once read, is used this long. */
        @WithDefault("PT1M")
        Duration expireAfterWrite();

        /** Plans whose issuer is kept; the least recently used go first. */
        @WithDefault("10000")
        long maximumSize();
    }
}
