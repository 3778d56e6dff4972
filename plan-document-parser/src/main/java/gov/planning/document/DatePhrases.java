package gov.planning.document;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as plans write them. A plan's time words mean "by the end of": 2020年 is due on
 * 2020-12-31, 2023年6月底 on 2023-06-30, 2016年前 on 2016-12-31 (plans use 前 for "by").
 */
final class DatePhrases {
    private DatePhrases() {
    }

    /** A date phrase found in a text: where it is and the last day it allows. */
    record Found(int start, int end, LocalDate date) {
    }

    private static final String NOT_A_DEADLINE = "(?!以来|来|的|比|相比|同期|年均|度)";
    private static final Pattern PHRASE = Pattern.compile(
            "(?<y>(?:19|20)\\d{2})\\s*[年.\\-/]\\s*(?<m>\\d{1,2})\\s*[月.\\-/]\\s*(?<d>\\d{1,2})\\s*日?" + "(?![\\d])"
                    + "|(?<y2>(?:19|20)\\d{2})\\s*年\\s*(?<m2>\\d{1,2})\\s*月(?:份)?(?:底|末|中旬|下旬|上旬)?"
                    + "|(?<y3>(?:19|20)\\d{2})\\s*年\\s*(?<half>上半年|年中|下半年|第?[一二三四1-4]季度)"
                    + "|(?<y4>(?:19|20)\\d{2})\\s*年(?:底|末|年底|内)?" + NOT_A_DEADLINE
                    + "|[“\"]?十(?<fy>[一二三四五六七八九])五[”\"]?(?:时期|期间|期)?末?");

    static List<Found> findAll(String text) {
        List<Found> out = new ArrayList<>();
        Matcher m = PHRASE.matcher(text);
        while (m.find()) {
            LocalDate d = toDate(m);
            if (d != null) {
                out.add(new Found(m.start(), m.end(), d));
            }
        }
        return out;
    }

    static Found first(String text) {
        List<Found> all = findAll(text);
        return all.isEmpty() ? null : all.get(0);
    }

    /** A date that opens a clause ("到2020年，…", "2014年底出台…", "力争到2025年…"), or null. */
    static Found leading(String clause) {
        Matcher lead = LEAD.matcher(clause);
        if (!lead.lookingAt()) {
            return null;
        }
        Found f = first(clause);
        return f != null && f.start() == lead.end() ? f : null;
    }

    private static final Pattern LEAD = Pattern.compile("^(?:——)?(?:力争到|力争在|力争|争取到|争取在|争取|确保到|确保在|确保|计划到|计划|预计到|到|至|在|截至|截止到|截止)?\\s*");

    private static LocalDate toDate(Matcher m) {
        try {
            if (m.group("y") != null) {
                return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
                        Integer.parseInt(m.group("d")));
            }
            if (m.group("y2") != null) {
                return YearMonth.of(Integer.parseInt(m.group("y2")), Integer.parseInt(m.group("m2"))).atEndOfMonth();
            }
            if (m.group("y3") != null) {
                int year = Integer.parseInt(m.group("y3"));
                String half = m.group("half");
                if (half.equals("上半年") || half.equals("年中")) {
                    return LocalDate.of(year, 6, 30);
                }
                if (half.equals("下半年")) {
                    return LocalDate.of(year, 12, 31);
                }
                int q = "一二三四1234".indexOf(half.charAt(half.length() - 3)) % 4 + 1;
                return YearMonth.of(year, q * 3).atEndOfMonth();
            }
            if (m.group("y4") != null) {
                return LocalDate.of(Integer.parseInt(m.group("y4")), 12, 31);
            }
            if (m.group("fy") != null) {
                // 十二五 is 2011–2015; each five-year plan adds five years.
                int n = 10 + ChineseNumerals.parse(m.group("fy"));
                return LocalDate.of(2015 + 5 * (n - 12), 12, 31);
            }
        } catch (RuntimeException e) {
            return null; // 2023年13月 and the like: not a date
        }
        return null;
    }
}
