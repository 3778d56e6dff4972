package gov.planning.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Singleton;

/**
 * Replaces the service's default {@link Clock} bean in every test: the real time unless a test sets a day, so health
 * can be tested for any "today". Tests that set it reset it afterwards.
 */
@Singleton
public class TestClock extends Clock {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private volatile Instant fixed;

    public void setToday(LocalDate day) {
        fixed = day.atTime(10, 0).atZone(ZONE).toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant day = fixed;
        return day != null ? day : Instant.now();
    }
}
