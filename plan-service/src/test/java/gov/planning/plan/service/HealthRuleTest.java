package gov.planning.plan.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.TaskStatus;
import gov.planning.plan.service.HealthRule.Facts;
import gov.planning.plan.service.HealthRule.MilestoneFact;

/** The 红黄绿灯 rule as plain Java: today is 2025-08-15, so the last reporting period is 2025 Q2 (April–June). */
class HealthRuleTest {

    static final LocalDate TODAY = LocalDate.of(2025, 8, 15);
    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate REPORTED = LocalDate.of(2025, 5, 10);

    static Facts task(TaskStatus status, LocalDate deadline, List<MilestoneFact> milestones, LocalDate lastReport, Integer percent) {
        return new Facts(status, deadline, false, milestones, START, START, lastReport, percent);
    }

    @Test
    void completedIsDoneEvenWhenLate() {
        assertThat(HealthRule.of(task(TaskStatus.COMPLETED, LocalDate.of(2025, 1, 31), List.of(), null, null), TODAY)).isEqualTo(Health.DONE);
    }

    @Test
    void passedDeadlineIsRedButTheDeadlineDayItselfIsNot() {
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, TODAY.minusDays(1), List.of(), REPORTED, 90), TODAY)).isEqualTo(Health.RED);
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, TODAY, List.of(), REPORTED, 90), TODAY)).isEqualTo(Health.YELLOW);
    }

    @Test
    void overdueMilestoneNotDoneIsRedDoneOneIsNot() {
        LocalDate deadline = LocalDate.of(2026, 12, 31);
        var overdue = List.of(new MilestoneFact(LocalDate.of(2025, 6, 30), false));
        var done = List.of(new MilestoneFact(LocalDate.of(2025, 6, 30), true));
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, deadline, overdue, REPORTED, 40), TODAY)).isEqualTo(Health.RED);
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, deadline, done, REPORTED, 40), TODAY)).isEqualTo(Health.GREEN);
    }

    @Test
    void deadlineWithin30DaysIsYellow() {
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, TODAY.plusDays(30), List.of(), REPORTED, 95), TODAY)).isEqualTo(Health.YELLOW);
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, TODAY.plusDays(31), List.of(), REPORTED, 95), TODAY)).isEqualTo(Health.GREEN);
    }

    @Test
    void noReportInThePreviousQuarterIsYellow() {
        LocalDate deadline = LocalDate.of(2026, 12, 31);
        assertThat(HealthRule.lastPeriodStart(TODAY)).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, deadline, List.of(), null, null), TODAY)).isEqualTo(Health.YELLOW);
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, deadline, List.of(), LocalDate.of(2025, 3, 31), 30), TODAY)).isEqualTo(Health.YELLOW);
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, deadline, List.of(), LocalDate.of(2025, 4, 1), 30), TODAY)).isEqualTo(Health.GREEN);
        // A report made this quarter is newer than the period asked for and counts too.
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, deadline, List.of(), LocalDate.of(2025, 7, 2), 30), TODAY)).isEqualTo(Health.GREEN);
    }

    @Test
    void aTaskEnteredAfterThePeriodOwesNoReportForIt() {
        var fresh = new Facts(TaskStatus.NOT_STARTED, LocalDate.of(2026, 12, 31), false, List.of(), START, LocalDate.of(2025, 7, 1), null, null);
        assertThat(HealthRule.of(fresh, TODAY)).isEqualTo(Health.GREEN);
    }

    @Test
    void progressMoreThan25PointsBehindElapsedTimeIsYellow() {
        // 2025-01-01 → 2026-01-01: on 2025-08-15, 226 of 365 days (about 62%) have passed.
        LocalDate deadline = LocalDate.of(2026, 1, 1);
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, deadline, List.of(), REPORTED, 36), TODAY)).isEqualTo(Health.YELLOW);
        assertThat(HealthRule.of(task(TaskStatus.IN_PROGRESS, deadline, List.of(), REPORTED, 38), TODAY)).isEqualTo(Health.GREEN);
    }

    @Test
    void ongoingTaskIsJudgedByReportingCadenceOnly() {
        var overdue = List.of(new MilestoneFact(LocalDate.of(2020, 1, 1), false));
        var reported = new Facts(TaskStatus.IN_PROGRESS, null, true, overdue, START, START, REPORTED, 1);
        var silent = new Facts(TaskStatus.IN_PROGRESS, null, true, List.of(), START, START, LocalDate.of(2024, 12, 1), 1);
        assertThat(HealthRule.of(reported, TODAY)).isEqualTo(Health.GREEN);
        assertThat(HealthRule.of(silent, TODAY)).isEqualTo(Health.YELLOW);
    }

    @Test
    void quarterBoundariesRollOverTheYear() {
        assertThat(HealthRule.lastPeriodStart(LocalDate.of(2026, 2, 1))).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(HealthRule.lastPeriodStart(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 1, 1));
    }
}
