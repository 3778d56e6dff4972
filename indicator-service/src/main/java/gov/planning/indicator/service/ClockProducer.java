package gov.planning.indicator.service;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * "Today" for health and the time of every write. Plan years are Chinese calendar years, so the year turns at
 * midnight Beijing time whatever zone the server runs in. A {@code @DefaultBean}, so tests produce their own clock.
 */
public class ClockProducer {

    public static final ZoneId PLAN_ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(PLAN_ZONE);
    }
}
