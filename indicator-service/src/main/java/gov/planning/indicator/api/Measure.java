package gov.planning.indicator.api;

import org.eclipse.microprofile.graphql.NonNull;

/** A value with the year it refers to (基期值 / 目标值). */
public record Measure(@NonNull Double value, Integer year) {

    static Measure of(Double value, Integer year) {
        return value == null ? null : new Measure(value, year);
    }
}
