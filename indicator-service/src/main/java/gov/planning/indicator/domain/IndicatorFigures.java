package gov.planning.indicator.domain;

import java.util.UUID;

import gov.planning.indicator.entity.Comparator;

/** What the derived fields of one indicator need to know about it, without loading it again. */
public record IndicatorFigures(UUID id, boolean additive, Comparator comparator, Double baselineValue, Integer baselineYear,
        double targetValue, Integer targetYear) {
}
