package gov.planning.plan.cycle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.planning.plan.entity.ReportCadence;

/**
 * One reporting period of a cadence and its window, as a pure value (unit-tested without a database).
 * <p>
 * Codes: {@code 2026-03} (month), {@code 2026Q1}, {@code 2026H1}, {@code 2026}. The window: a report is accepted from
 * {@link #opens()} (the first day of the period's last month: progress is reported near the end of a period, not at
 * its start) to {@link #due()} (the due day of that month) on time, then late until {@link #closes()} (due + grace
 * days), and refused after that unless the period is reopened.
 */
public record ReportingPeriod(ReportCadence cadence, int year, int index) implements Comparable<ReportingPeriod> {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

    /** Periods per year. */
    static int perYear(ReportCadence cadence) {
        return switch (cadence) {
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case HALF_YEARLY -> 2;
            case YEARLY -> 1;
        };
    }

    private static int months(ReportCadence cadence) {
        return 12 / perYear(cadence);
    }

    /** The period of {@code cadence} that contains {@code day}. */
    public static ReportingPeriod containing(ReportCadence cadence, LocalDate day) {
        return new ReportingPeriod(cadence, day.getYear(), (day.getMonthValue() - 1) / months(cadence) + 1);
    }

    /** The period a code names in {@code cadence}'s format, or null when the code is not one. */
    public static ReportingPeriod parse(ReportCadence cadence, String code) {
        if (code == null) {
            return null;
        }
        Pattern pattern = switch (cadence) {
            case MONTHLY -> MONTH;
            case QUARTERLY -> QUARTER;
            case HALF_YEARLY -> HALF;
            case YEARLY -> YEAR;
        };
        Matcher m = pattern.matcher(code);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1949 || year > 2200) {
            return null;
        }
        return new ReportingPeriod(cadence, year, cadence == ReportCadence.YEARLY ? 1 : Integer.parseInt(m.group(2)));
    }

    /** The cadence's name in Chinese: 月度, 季度, 半年, 年度. */
    public static String cadenceLabel(ReportCadence cadence) {
        return switch (cadence) {
            case MONTHLY -> "月度";
            case QUARTERLY -> "季度";
            case HALF_YEARLY -> "半年";
            case YEARLY -> "年度";
        };
    }

    public String code() {
        return switch (cadence) {
            case MONTHLY -> String.format("%04d-%02d", year, index);
            case QUARTERLY -> year + "Q" + index;
            case HALF_YEARLY -> year + "H" + index;
            case YEARLY -> String.valueOf(year);
        };
    }

    /** 2026年3月, 2026年第一季度, 2026年上半年, 2026年. */
    public String label() {
        return switch (cadence) {
            case MONTHLY -> year + "年" + index + "月";
            case QUARTERLY -> year + "年第" + QUARTER_NAMES[index - 1] + "季度";
            case HALF_YEARLY -> year + "年" + (index == 1 ? "上" : "下") + "半年";
            case YEARLY -> year + "年";
        };
    }

    public LocalDate start() {
        return LocalDate.of(year, (index - 1) * months(cadence) + 1, 1);
    }

    public LocalDate end() {
        return lastMonth().atEndOfMonth();
    }

    private YearMonth lastMonth() {
        return YearMonth.of(year, index * months(cadence));
    }

    /** The first day a report for the period is accepted: its first day. */
    public LocalDate opens() {
        return start();
    }

    /** The due day (1–28) of the period's last month. */
    public LocalDate due(int dueDay) {
        return lastMonth().atDay(dueDay);
    }

    /** The last day a report is accepted (late) without reopening: due + grace days. */
    public LocalDate closes(int dueDay, int graceDays) {
        return due(dueDay).plusDays(graceDays);
    }

    public ReportingPeriod next() {
        return index == perYear(cadence) ? new ReportingPeriod(cadence, year + 1, 1) : new ReportingPeriod(cadence, year, index + 1);
    }

    public ReportingPeriod previous() {
        return index == 1 ? new ReportingPeriod(cadence, year - 1, perYear(cadence)) : new ReportingPeriod(cadence, year, index - 1);
    }

    /**
     * The periods a task owes from {@code start} (the period containing it) up to the one containing {@code today},
     * at most the {@code last} most recent ones, oldest first. Empty when today is before the start.
     */
    public static List<ReportingPeriod> upTo(ReportCadence cadence, LocalDate start, LocalDate today, int last) {
        List<ReportingPeriod> periods = new ArrayList<>();
        if (today.isBefore(start)) {
            return periods;
        }
        ReportingPeriod first = containing(cadence, start);
        ReportingPeriod p = containing(cadence, today);
        while (periods.size() < last && p.compareTo(first) >= 0) {
            periods.add(0, p);
            p = p.previous();
        }
        return periods;
    }

    /** The periods whose due date (for any due day 1–28) may fall within [from, to]: those whose last month does. */
    public static List<ReportingPeriod> dueMonthsWithin(ReportCadence cadence, LocalDate from, LocalDate to) {
        List<ReportingPeriod> periods = new ArrayList<>();
        for (ReportingPeriod p = containing(cadence, from); !lastMonth(p).isAfter(to); p = p.next()) {
            if (!p.end().isBefore(from)) {
                periods.add(p);
            }
        }
        return periods;
    }

    private static LocalDate lastMonth(ReportingPeriod p) {
        return p.lastMonth().atDay(1);
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(index, other.index);
    }
}
