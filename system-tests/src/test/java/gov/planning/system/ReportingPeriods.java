package gov.planning.system;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The period a report is sent for: plan-service accepts a code of the task's cadence (the plans here report
 * quarterly, the default) from the period's first day, so the current quarter is always open.
 */
final class ReportingPeriods {

    private ReportingPeriods() {
    }

    /** The current quarter in the platform's time zone (PLANNING_TIME_ZONE's default), e.g. 2026Q4. */
    static String thisQuarter() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }
}
