package gov.planning.orgclient;

import java.time.Duration;

/** {@link OrgServiceConfig}'s defaults with the URL of a stand-in org-service, for tests outside CDI. */
public record TestOrgServiceConfig(String url) implements OrgServiceConfig {

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration importTimeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public Cache cache() {
        return new Cache() {
            @Override
            public Duration expireAfterWrite() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Duration revalidateWithin() {
                return Duration.ofHours(1);
            }

            @Override
            public long maximumSize() {
                return 10_000;
            }
        };
    }
}
