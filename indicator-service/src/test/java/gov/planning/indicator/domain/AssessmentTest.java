package gov.planning.indicator.domain;

import static gov.planning.indicator.entity.Comparator.ABOUT;
import static gov.planning.indicator.entity.Comparator.AT_LEAST;
import static gov.planning.indicator.entity.Comparator.AT_MOST;
import static gov.planning.indicator.entity.Comparator.EXACTLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AssessmentTest {

    /** Half way in time between the end of 2020 and the end of 2025. */
    private static final LocalDate MID_2023 = LocalDate.of(2023, 7, 2);

    private static Assessment urbanization(Double latest, LocalDate today) {
        return Assessment.of(AT_LEAST, 60.0, 2020, 70, 2025, latest, today);
    }

    @Test
    void progressIsTheShareOfTheWayFromBaselineToTarget() {
        assertThat(Assessment.progress(60.0, 70, 65.0)).isCloseTo(0.5, within(1e-12));
        assertThat(Assessment.progress(12.0, 9, 10.5)).isCloseTo(0.5, within(1e-12));
        assertThat(Assessment.progress(60.0, 70, 58.0)).isCloseTo(-0.2, within(1e-12));
    }

    @Test
    void progressIsNullWithoutLatestOrBaselineOrWhenTargetEqualsBaseline() {
        assertThat(Assessment.progress(60.0, 70, null)).isNull();
        assertThat(Assessment.progress(null, 70, 65.0)).isNull();
        assertThat(Assessment.progress(70.0, 70, 65.0)).isNull();
    }

    @Test
    void metFollowsTheComparator() {
        assertThat(Assessment.met(AT_LEAST, 65, 65.0)).isTrue();
        assertThat(Assessment.met(AT_LEAST, 65, 64.99)).isFalse();
        assertThat(Assessment.met(AT_MOST, 9, 9.0)).isTrue();
        assertThat(Assessment.met(AT_MOST, 9, 9.1)).isFalse();
        assertThat(Assessment.met(ABOUT, 65, 66.3)).isTrue();
        assertThat(Assessment.met(ABOUT, 65, 63.7)).isTrue();
        assertThat(Assessment.met(ABOUT, 65, 66.4)).isFalse();
        assertThat(Assessment.met(EXACTLY, 100, 100.0)).isTrue();
        assertThat(Assessment.met(EXACTLY, 100, 99.0)).isFalse();
        assertThat(Assessment.met(AT_LEAST, 65, null)).isNull();
    }

    @Test
    void metIsDone() {
        assertThat(urbanization(70.0, MID_2023).health()).isEqualTo(Health.DONE);
        assertThat(urbanization(71.0, LocalDate.of(2030, 1, 1)).health()).isEqualTo(Health.DONE);
    }

    @Test
    void targetYearPassedUnmetIsRedEvenWithoutObservations() {
        assertThat(urbanization(69.0, LocalDate.of(2026, 1, 1)).health()).isEqualTo(Health.RED);
        assertThat(urbanization(null, LocalDate.of(2026, 1, 1)).health()).isEqualTo(Health.RED);
        assertThat(urbanization(69.0, LocalDate.of(2025, 12, 31)).health()).isNotEqualTo(Health.RED);
    }

    @Test
    void noObservationIsYellow() {
        assertThat(urbanization(null, MID_2023).health()).isEqualTo(Health.YELLOW);
    }

    @Test
    void moreThan25PointsBehindTheStraightLineIsYellowUpTo25IsGreen() {
        // Expected about 50% by mid-2023.
        assertThat(urbanization(62.6, MID_2023).health()).isEqualTo(Health.GREEN);  // 26% done, ~24 behind
        assertThat(urbanization(62.3, MID_2023).health()).isEqualTo(Health.YELLOW); // 23% done, ~27 behind
        assertThat(urbanization(61.0, LocalDate.of(2021, 3, 1)).health()).isEqualTo(Health.GREEN); // early days
    }

    @Test
    void withoutABaselineThereIsNoLineToBeBehindSoAnObservedIndicatorIsGreen() {
        assertThat(Assessment.of(AT_LEAST, null, null, 70, 2025, 10.0, MID_2023).health()).isEqualTo(Health.GREEN);
    }

    @Test
    void expectedShareRunsFromTheEndOfTheBaselineYearToTheEndOfTheTargetYear() {
        assertThat(Assessment.expectedShare(2020, 2025, LocalDate.of(2021, 1, 1))).isZero();
        assertThat(Assessment.expectedShare(2020, 2025, LocalDate.of(2026, 1, 1))).isEqualTo(1.0);
        assertThat(Assessment.expectedShare(2020, 2025, LocalDate.of(2019, 6, 1))).isZero();
        assertThat(Assessment.expectedShare(2020, 2025, MID_2023)).isCloseTo(0.5, within(0.01));
        assertThat(Assessment.expectedShare(2025, 2025, MID_2023)).isNull();
    }
}
