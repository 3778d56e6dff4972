package gov.planning.plan.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.planning.plan.entity.ReportCadence;

/** Periods, labels and windows of each cadence, across year ends, without a database. */
class ReportingPeriodTest {

    @Test
    void eachCadenceNamesThePeriodContainingADayWithItsCodeAndChineseLabel() {
        LocalDate day = LocalDate.of(2026, 3, 15);
        assertThat(ReportingPeriod.containing(ReportCadence.MONTHLY, day).code()).isEqualTo("2026-03");
        assertThat(ReportingPeriod.containing(ReportCadence.MONTHLY, day).label()).isEqualTo("2026年3月");
        assertThat(ReportingPeriod.containing(ReportCadence.QUARTERLY, day).code()).isEqualTo("2026Q1");
        assertThat(ReportingPeriod.containing(ReportCadence.QUARTERLY, day).label()).isEqualTo("2026年第一季度");
        assertThat(ReportingPeriod.containing(ReportCadence.HALF_YEARLY, day).code()).isEqualTo("2026H1");
        assertThat(ReportingPeriod.containing(ReportCadence.HALF_YEARLY, day).label()).isEqualTo("2026年上半年");
        assertThat(ReportingPeriod.containing(ReportCadence.YEARLY, day).code()).isEqualTo("2026");
        assertThat(ReportingPeriod.containing(ReportCadence.YEARLY, day).label()).isEqualTo("2026年");
        assertThat(ReportingPeriod.containing(ReportCadence.QUARTERLY, LocalDate.of(2026, 12, 31)).label()).isEqualTo("2026年第四季度");
    }

    @Test
    void aCodeParsesOnlyInItsOwnCadencesFormat() {
        assertThat(ReportingPeriod.parse(ReportCadence.QUARTERLY, "2026Q4")).isEqualTo(new ReportingPeriod(ReportCadence.QUARTERLY, 2026, 4));
        assertThat(ReportingPeriod.parse(ReportCadence.QUARTERLY, "2026Q5")).isNull();
        assertThat(ReportingPeriod.parse(ReportCadence.QUARTERLY, "2026-03")).isNull();
        assertThat(ReportingPeriod.parse(ReportCadence.QUARTERLY, "2026年第一季度")).isNull();
        assertThat(ReportingPeriod.parse(ReportCadence.MONTHLY, "2026-12")).isEqualTo(new ReportingPeriod(ReportCadence.MONTHLY, 2026, 12));
        assertThat(ReportingPeriod.parse(ReportCadence.MONTHLY, "2026-13")).isNull();
        assertThat(ReportingPeriod.parse(ReportCadence.MONTHLY, "2026-3")).isNull();
        assertThat(ReportingPeriod.parse(ReportCadence.HALF_YEARLY, "2026H2")).isNotNull();
        assertThat(ReportingPeriod.parse(ReportCadence.HALF_YEARLY, "2026H3")).isNull();
        assertThat(ReportingPeriod.parse(ReportCadence.YEARLY, "2026")).isNotNull();
        assertThat(ReportingPeriod.parse(ReportCadence.YEARLY, "2026Q1")).isNull();
    }

    @Test
    void theWindowOpensOnThePeriodsFirstDayIsDueInItsLastMonthAndClosesAfterTheGraceDaysIntoTheNextYear() {
        ReportingPeriod q4 = ReportingPeriod.parse(ReportCadence.QUARTERLY, "2025Q4");
        assertThat(q4.opens()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(q4.due(25)).isEqualTo(LocalDate.of(2025, 12, 25));
        assertThat(q4.closes(25, 10)).isEqualTo(LocalDate.of(2026, 1, 4));
        ReportingPeriod december = ReportingPeriod.parse(ReportCadence.MONTHLY, "2025-12");
        assertThat(december.closes(28, 5)).isEqualTo(LocalDate.of(2026, 1, 2));
        ReportingPeriod h2 = ReportingPeriod.parse(ReportCadence.HALF_YEARLY, "2025H2");
        assertThat(h2.opens()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(h2.due(25)).isEqualTo(LocalDate.of(2025, 12, 25));
        ReportingPeriod year = ReportingPeriod.parse(ReportCadence.YEARLY, "2025");
        assertThat(year.due(20)).isEqualTo(LocalDate.of(2025, 12, 20));
        assertThat(year.end()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void nextAndPreviousCrossYearEnds() {
        assertThat(ReportingPeriod.parse(ReportCadence.QUARTERLY, "2025Q4").next().code()).isEqualTo("2026Q1");
        assertThat(ReportingPeriod.parse(ReportCadence.QUARTERLY, "2026Q1").previous().code()).isEqualTo("2025Q4");
        assertThat(ReportingPeriod.parse(ReportCadence.MONTHLY, "2026-01").previous().code()).isEqualTo("2025-12");
        assertThat(ReportingPeriod.parse(ReportCadence.HALF_YEARLY, "2025H2").next().code()).isEqualTo("2026H1");
        assertThat(ReportingPeriod.parse(ReportCadence.YEARLY, "2025").next().code()).isEqualTo("2026");
    }

    @Test
    void theOwedPeriodsRunFromTheStartToTodayAcrossAYearEndKeepingTheLastOnes() {
        List<String> quarters = ReportingPeriod.upTo(ReportCadence.QUARTERLY, LocalDate.of(2025, 8, 20), LocalDate.of(2026, 2, 3), 10)
                .stream().map(ReportingPeriod::code).toList();
        assertThat(quarters).containsExactly("2025Q3", "2025Q4", "2026Q1");
        List<String> months = ReportingPeriod.upTo(ReportCadence.MONTHLY, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 2, 3), 3)
                .stream().map(ReportingPeriod::code).toList();
        assertThat(months).containsExactly("2025-12", "2026-01", "2026-02");
        assertThat(ReportingPeriod.upTo(ReportCadence.YEARLY, LocalDate.of(2027, 1, 1), LocalDate.of(2026, 2, 3), 3)).isEmpty();
    }

    @Test
    void thePeriodsThatMayFallDueInARangeAreThoseWhoseLastMonthMeetsIt() {
        List<String> quarters = ReportingPeriod.dueMonthsWithin(ReportCadence.QUARTERLY, LocalDate.of(2025, 12, 20), LocalDate.of(2026, 3, 1))
                .stream().map(ReportingPeriod::code).toList();
        assertThat(quarters).containsExactly("2025Q4", "2026Q1");
        List<String> months = ReportingPeriod.dueMonthsWithin(ReportCadence.MONTHLY, LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 31))
                .stream().map(ReportingPeriod::code).toList();
        assertThat(months).containsExactly("2025-12", "2026-01");
        assertThat(ReportingPeriod.dueMonthsWithin(ReportCadence.YEARLY, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30))).isEmpty();
    }
}
