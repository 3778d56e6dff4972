package gov.planning.document;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The plan's kind and period, read from its title and opening paragraphs. */
final class PlanFacts {
    private PlanFacts() {
    }

    private static final Pattern RANGE = Pattern.compile(
            "((?:19|20)\\d{2})\\s*年?\\s*(?:[—–\\-－~～─―]+|至|到)\\s*((?:19|20)\\d{2})\\s*年?");
    private static final Pattern FIVE_YEAR = Pattern.compile("十([一二三四五六七八九])五");
    private static final Pattern STATED_PERIOD = Pattern.compile("(?:规划期|规划期限|实施期|实施期限|方案期|执行期)(?:限)?(?:为|是|：|:)?");

    /**
     * An annual document's year ("2022年重点工作…", "2020年政府工作报告重点工作责任分解"), else the year it was
     * issued: the year its targets refer to when it states no period.
     */
    static Integer documentYear(String title, String noticeTitle, java.time.LocalDate issuedOn) {
        for (String t : new String[] {title, noticeTitle}) {
            Matcher m = t == null ? null : YEAR.matcher(t);
            if (m != null && m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return issuedOn == null ? null : issuedOn.getYear();
    }

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    static PlanPeriod period(String title, List<Paragraph> opening) {
        PlanPeriod p = range(title);
        if (p != null) {
            return p;
        }
        for (Paragraph para : opening) {
            Matcher stated = STATED_PERIOD.matcher(para.text());
            if (stated.find()) {
                p = range(para.text().substring(stated.end()));
                if (p != null) {
                    return p;
                }
            }
        }
        Matcher fy = FIVE_YEAR.matcher(title == null ? "" : title);
        if (fy.find()) {
            // 十三五 is 2016–2020: the n-th five-year plan ends in 2015 + 5 × (n − 12).
            int end = 2015 + 5 * (10 + ChineseNumerals.parse(fy.group(1)) - 12);
            return new PlanPeriod(end - 4, end);
        }
        return null;
    }

    private static PlanPeriod range(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = RANGE.matcher(text);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (a <= b && b - a <= 30) {
                return new PlanPeriod(a, b);
            }
        }
        return null;
    }

    static PlanKind kind(String title) {
        String t = title == null ? "" : title.replaceAll("[（(][^）)]*[）)]$", "");
        if (t.contains("分工")) {
            return PlanKind.TASK_DIVISION;
        }
        if (t.contains("行动计划") || t.endsWith("行动方案")) {
            return PlanKind.ACTION_PLAN;
        }
        if (t.endsWith("方案")) {
            return PlanKind.IMPLEMENTATION_PLAN;
        }
        if (t.endsWith("意见")) {
            return PlanKind.GUIDANCE;
        }
        if (t.endsWith("计划")) {
            return PlanKind.ACTION_PLAN;
        }
        return PlanKind.PLAN;
    }
}
