package gov.planning.indicator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Singleton;

import gov.planning.common.time.ClockProducer;

/**
 * The clock of the service under test: the system clock until a test fixes "today", so health can be asserted for
 * a known date. Replaces the service's default clock bean. Tests that fix it must {@link #useSystemTime()} after.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    public void today(LocalDate date) {
        fixed = date.atStartOfDay(ClockProducer.GOVERNMENT_ZONE).plusHours(12).toInstant();
    }

    public void useSystemTime() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ClockProducer.GOVERNMENT_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return fixed == null ? Clock.system(zone) : Clock.fixed(fixed, zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f == null ? Instant.now() : f;
    }
}
