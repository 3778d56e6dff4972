package gov.planning.plan.service;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

/**
 * "Today" for health and the time of every write. A bean, so tests put in a clock they can set (any other
 * {@link Clock} bean replaces this default). The zone decides on which day a deadline has passed: the government's.
 */
@ApplicationScoped
public class ClockProducer {

    @ConfigProperty(name = "planning.time-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(zone);
    }
}
