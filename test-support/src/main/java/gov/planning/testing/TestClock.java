package gov.planning.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Singleton;

/**
 * The clock of the service under test: the system clock until a test fixes "today", so health and deadlines can be
 * asserted for a known date. It replaces platform-common's default {@code Clock} bean in a service that indexes
 * test-support for its tests ({@code %test.quarkus.index-dependency.test-support.*} in the service's
 * application.properties); others keep their real clock. Tests that fix the day {@link #useSystemTime()} after.
 */
@Singleton
public class TestClock extends Clock {

    /** The government's zone (platform-common's {@code ClockProducer.GOVERNMENT_ZONE}), in which "today" is asked. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Instant fixed;

    /**
     * Fixes "today" at noon in {@link #ZONE} (04:00 UTC): the same calendar day in UTC as in Beijing, so a test does
     * not depend on whether a date is read in the government's zone or in UTC (plan-service answers times in UTC).
     */
    public void setToday(LocalDate day) {
        fixed = day.atTime(12, 0).atZone(ZONE).toInstant();
    }

    public void useSystemTime() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant f = fixed;
        return f == null ? Clock.system(zone) : Clock.fixed(f, zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f == null ? Instant.now() : f;
    }
}
