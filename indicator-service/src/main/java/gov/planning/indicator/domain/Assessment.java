package gov.planning.indicator.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import gov.planning.indicator.entity.Comparator;

/**
 * What an indicator's latest value means against its baseline and target: progress, met, health. Pure
 * arithmetic on values and dates, so the rule is unit-tested without a database or a clock.
 *
 * <p>The health rule (also in the README):
 * <ol>
 * <li>DONE when the latest value meets the target by the comparator;</li>
 * <li>RED when the target year has passed (today is after 31 December of the target year) and it is not met,
 * including when nothing was ever observed;</li>
 * <li>YELLOW when nothing was observed yet, or when progress is behind the straight line from the baseline year
 * to the target year by more than 25 percentage points. The line runs from 0 at the end of the baseline year
 * (the baseline value is that year's outcome) to 100 at the end of the target year;</li>
 * <li>GREEN otherwise, which includes indicators whose progress cannot be computed (no baseline, or target equal to
 * baseline): there is no line to be behind of, and guessing would raise false alarms.</li>
 * </ol>
 */
public record Assessment(Double progress, Boolean met, Health health) {

    /** Points of progress an indicator may lag the straight line before it turns YELLOW, as for tasks (docs/domain.md §3). */
    static final double TOLERATED_LAG_POINTS = 25;
    /** 左右 ("about") accepts a value within 2% of the target. */
    static final double ABOUT_TOLERANCE = 0.02;

    public static Assessment of(Comparator comparator, Double baselineValue, Integer baselineYear, double targetValue,
            Integer targetYear, Double latest, LocalDate today) {
        Double progress = progress(baselineValue, targetValue, latest);
        Boolean met = met(comparator, targetValue, latest);
        return new Assessment(progress, met, health(met, progress, baselineYear, targetYear, latest, today));
    }

    /** (latest − baseline) / (target − baseline) as a fraction (0.5 = half way); null when any part is missing. */
    public static Double progress(Double baselineValue, double targetValue, Double latest) {
        if (latest == null || baselineValue == null || Quantities.nearlyEqual(targetValue, baselineValue)) {
            return null;
        }
        return (latest - baselineValue) / (targetValue - baselineValue);
    }

    public static Boolean met(Comparator comparator, double target, Double latest) {
        if (latest == null || comparator == null) {
            return null;
        }
        return switch (comparator) {
            case AT_LEAST -> latest >= target || Quantities.nearlyEqual(latest, target);
            case AT_MOST -> latest <= target || Quantities.nearlyEqual(latest, target);
            case ABOUT -> Math.abs(latest - target) <= ABOUT_TOLERANCE * Math.abs(target) || Quantities.nearlyEqual(latest, target);
            case EXACTLY -> Quantities.nearlyEqual(latest, target);
        };
    }

    static Health health(Boolean met, Double progress, Integer baselineYear, Integer targetYear, Double latest, LocalDate today) {
        if (Boolean.TRUE.equals(met)) {
            return Health.DONE;
        }
        if (targetYear != null && today.isAfter(LocalDate.of(targetYear, 12, 31))) {
            return Health.RED;
        }
        if (latest == null) {
            return Health.YELLOW;
        }
        Double expected = expectedShare(baselineYear, targetYear, today);
        if (progress != null && expected != null && (expected - progress) * 100 > TOLERATED_LAG_POINTS) {
            return Health.YELLOW;
        }
        return Health.GREEN;
    }

    /** Share of the way from the end of the baseline year to the end of the target year that today has covered. */
    static Double expectedShare(Integer baselineYear, Integer targetYear, LocalDate today) {
        if (baselineYear == null || targetYear == null || targetYear <= baselineYear) {
            return null;
        }
        LocalDate start = LocalDate.of(baselineYear + 1, 1, 1);
        LocalDate end = LocalDate.of(targetYear + 1, 1, 1);
        double share = (double) ChronoUnit.DAYS.between(start, today) / ChronoUnit.DAYS.between(start, end);
        return Math.max(0, Math.min(1, share));
    }
}
