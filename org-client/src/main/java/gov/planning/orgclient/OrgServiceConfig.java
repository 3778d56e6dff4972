package gov.planning.orgclient;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How other services reach org-service: every setting of {@link OrgServiceClient}, one prefix. */
@ConfigMapping(prefix = "planning.clients.org-service")
public interface OrgServiceConfig {

    /** org-service's GraphQL endpoint (env {@code ORG_SERVICE_URL}). */
    String url();

    /** Each look-up a permission check or validation waits on: the caller waits at most this (per attempt). */
    @WithDefault("PT5S")
    Duration timeout();

    /**
     * The import's calls (resolving a document's unit names, the issuer's government, creating accepted organizations):
     * a whole document's names in one request take longer than a permission look-up on a busy machine.
     */
    @WithDefault("PT20S")
    Duration importTimeout();

    Cache cache();

    interface Cache {
        /** A reorganization is seen by the other services within this time. */
        @WithDefault("PT1M")
        Duration expireAfterWrite();

        /**
         * How long a caller's scope is kept after it expired, to be renewed by the tree's version (one small request)
         * instead of read again when no organization was written since it was read.
         */
        @WithDefault("PT1H")
        Duration revalidateWithin();

        /** Entries per cache (organizations by code, by id, …); the least recently used go first. */
        @WithDefault("10000")
        long maximumSize();
    }
}
