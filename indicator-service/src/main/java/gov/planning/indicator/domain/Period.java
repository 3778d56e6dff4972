package gov.planning.indicator.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.planning.common.error.BadUserInputException;

/**
 * The period a regional target or an observation refers to: a plan period (规划期) such as "2021-2025" or one year
 * such as "2022". Plan documents write the range with an em dash or an en dash ("2021—2025"); those are accepted
 * and stored as "2021-2025" so that the same period is never stored under two spellings (which would defeat the
 * one-row-per-region-and-period rule).
 */
public record Period(int startYear, int endYear) implements Comparable<Period> {

    private static final Pattern RANGE = Pattern.compile("(\\d{4})\\s*[-—–]\\s*(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final int MIN_YEAR = 1949;
    private static final int MAX_YEAR = 2100;

    public static Period parse(String field, String text) {
        if (text != null) {
            String s = text.strip();
            Matcher range = RANGE.matcher(s);
            if (range.matches()) {
                return checked(field, text, Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)));
            }
            if (YEAR.matcher(s).matches()) {
                int year = Integer.parseInt(s);
                return checked(field, text, year, year);
            }
        }
        throw new BadUserInputException(field + ": '" + text
                + "' is not a period; write a plan period such as 2021-2025 or a year such as 2022");
    }

    private static Period checked(String field, String text, int start, int end) {
        if (start < MIN_YEAR || end > MAX_YEAR || start > end) {
            throw new BadUserInputException(field + ": '" + text + "' is not a period: years must run forward between "
                    + MIN_YEAR + " and " + MAX_YEAR);
        }
        return new Period(start, end);
    }

    /** The stored form: "2022" or "2021-2025". */
    public String text() {
        return startYear == endYear ? Integer.toString(startYear) : startYear + "-" + endYear;
    }

    /** For lenient reading of stored values; stored text was normalized by {@link #parse} when written. */
    public static Period ofStored(String text) {
        return parse("period", text);
    }

    /** Later end year first matters most (the newest state), then the shorter period (a year is more recent news). */
    @Override
    public int compareTo(Period other) {
        int byEnd = Integer.compare(endYear, other.endYear);
        return byEnd != 0 ? byEnd : Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return text();
    }
}
