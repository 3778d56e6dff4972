package gov.planning.common.time;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

/**
 * "Today" for health and the time of every write, in every service. The zone decides on which day a deadline has
 * passed and when a plan year turns: the government's (Beijing time), whatever zone the server runs in. A
 * {@code @DefaultBean}, so tests put in a clock they can set (any other {@link Clock} bean replaces this one).
 */
@ApplicationScoped
public class ClockProducer {

    /** Beijing time: plan years are Chinese calendar years. {@code planning.time-zone} overrides it for "today". */
    public static final String GOVERNMENT_ZONE_ID = "Asia/Shanghai";

    /** The zone answers show times in. */
    public static final ZoneId GOVERNMENT_ZONE = ZoneId.of(GOVERNMENT_ZONE_ID);

    @ConfigProperty(name = "planning.time-zone", defaultValue = GOVERNMENT_ZONE_ID)
    ZoneId zone;

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(zone);
    }
}
