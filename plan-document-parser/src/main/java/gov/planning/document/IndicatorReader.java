package gov.planning.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads quantitative targets from target lists and sentences: "常住人口城镇化率达到54%",
 * "…控制在9%以内", "新增城镇常住人口700万人左右", "较2024年的52%明显提高" (a baseline),
 * "其中2022年25万亩" (an interim value), "A和B分别达到90%和98%", "A和B均达到95%".
 *
 * <p>In a target list every figure with a unit is a target. In running text (tasks, general
 * requirements) a figure counts only when a comparing word says it is a target, because task text
 * is full of counts that are not (建设200个…).
 */
final class IndicatorReader {

    /** What the surrounding text contributes to each indicator. */
    record Context(Integer defaultTargetYear, List<String> leadOrgs, List<String> cooperatingOrgs,
                   String itemNumber, boolean targetList) {
    }

    static final String UNITS = "万平方公里|平方公里|平方千米|万平方米|平方米|万公顷|公顷|万亩|亩|万立方米|立方米|亿立方米"
            + "|万千瓦时|亿千瓦时|千瓦时|万千瓦|千瓦|万吨标准煤|吨标准煤|万吨|蒸吨|吨|公里|千米|米"
            + "|万人次|人次|万人|人|万户|户|万套|套|万间|间|万张|张|万元|亿元|元|万辆|辆|个百分点|个|部|座|处|家|台|条|项|栋|幢"
            + "|Mbps|Gbps|兆|%|％|‰";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(" + UNITS + ")(?!\\d)");
    private static final Pattern AT_LEAST_BEFORE = Pattern.compile(
            "(?:不低于|不少于|达到|提高到|提升到|增加到|增长到|扩大到|超过|高于|大于|至少|突破|达)(?:均|分别)?$");
    private static final Pattern AT_MOST_BEFORE = Pattern.compile(
            "(?:控制在|不高于|不超过|低于|降低到|降低至|降至|下降到|下降至|减少到|压减到|压减至|小于|少于)(?:均|分别)?$");
    private static final Pattern NOT_LESS = Pattern.compile("(?:不低于|不少于|不小于)(?:均|分别)?$");
    private static final Pattern NOT_MORE = Pattern.compile("(?:不高于|不超过|不大于|不多于)(?:均|分别)?$");
    private static final Pattern ABOUT_BEFORE = Pattern.compile("(?:约|大约)$");
    private static final Pattern DONE_BEFORE = Pattern.compile("(?:完成|实现|建成|累计完成|累计改造|累计建成)$");
    private static final Pattern DONE_START = Pattern.compile("^(?:累计完成|完成|实现|建成(?!区))");
    private static final Pattern AFTER = Pattern.compile("^(?:及以上|以上|以内|之内|以下|左右)");
    private static final Pattern VERB = Pattern.compile(
            "(?:不低于|不少于|达到|提高到|提升到|增加到|增长到|扩大到|超过|高于|大于|至少|突破|控制在|不高于|不超过|低于|降低到|降低至|降至|下降到|下降至|减少到|压减到|压减至|小于|少于|约|大约|达)(?:均|分别)?$");
    private static final Pattern SEVERAL = Pattern.compile("(?:均|分别)(?:达到|达|为|是|不低于|不少于|超过|高于|控制在|提高到|提升到|增加到|降低到|下降到)?$");
    private static final Pattern NAME_NOISE_START = Pattern.compile(
            "^(?:——)?(?:到|至|力争到|力争|确保|争取|基本|进一步|其中|并且|并|使|同时|且|以及|和|全市|全区|全省|全县|全旗|全盟|全国|全州)+");
    private static final Pattern NAME_NOISE_END = Pattern.compile("(?:均|分别|的|要|将|已|总计|合计)+$");
    private static final Pattern BASELINE_CLAUSE = Pattern.compile(
            "^(?:较|比|与|相比|同比)\\s*((?:19|20)\\d{2})\\s*年(?:底|末)?(?:的)?\\s*(\\d+(?:\\.\\d+)?)\\s*(" + UNITS + ")?");
    private static final Pattern FROM_TO = Pattern.compile(
            "(?:由|从)\\s*(?:((?:19|20)\\d{2})\\s*年(?:底|末)?的?)?\\s*(\\d+(?:\\.\\d+)?)\\s*(" + UNITS + ")");
    private static final Pattern INTERIM = Pattern.compile(
            "((?:19|20)\\d{2})\\s*年(?:底|末)?\\s*[为达到完成]*\\s*(\\d+(?:\\.\\d+)?)\\s*(" + UNITS + ")");

    private IndicatorReader() {
    }

    static List<Indicator> read(String text, Context context) {
        List<Indicator> out = new ArrayList<>();
        for (String sentence : Clauses.split(text, "。！？!?")) {
            Integer sentenceYear = null;
            Builder previous = null;
            List<Builder> sentenceIndicators = new ArrayList<>();
            for (String clause : Clauses.split(sentence, "，,；;")) {
                DatePhrases.Found lead = DatePhrases.leading(clause);
                if (lead != null) {
                    sentenceYear = lead.date().getYear();
                }
                Matcher base = BASELINE_CLAUSE.matcher(clause);
                if (previous != null && base.find()) {
                    previous.baseline(Double.parseDouble(base.group(2)), Integer.parseInt(base.group(1)), base.group(3));
                    continue;
                }
                if (previous != null && clause.startsWith("其中")) {
                    Matcher m = INTERIM.matcher(clause);
                    while (m.find()) {
                        previous.interim(Double.parseDouble(m.group(2)), Integer.parseInt(m.group(1)));
                    }
                    continue;
                }
                Integer year = sentenceYear != null ? sentenceYear : context.defaultTargetYear();
                List<Builder> found = readClause(clause, lead, year, context);
                if (!found.isEmpty()) {
                    sentenceIndicators.addAll(found);
                    previous = found.get(found.size() - 1);
                }
            }
            sentenceIndicators.forEach(b -> out.add(b.build(context)));
        }
        return out;
    }

    private static List<Builder> readClause(String clause, DatePhrases.Found lead, Integer year, Context context) {
        String body = lead == null ? clause : clause.substring(lead.end());
        List<MatchResult> quantities = new ArrayList<>();
        Matcher q = QUANTITY.matcher(body);
        while (q.find()) {
            quantities.add(q.toMatchResult());
        }
        if (quantities.isEmpty()) {
            return List.of();
        }
        MatchResult first = quantities.get(0);
        String before = body.substring(0, first.start());
        Measure baseline = null;
        Matcher fromTo = FROM_TO.matcher(body);
        if (quantities.size() >= 2 && fromTo.find() && fromTo.end() == first.end()) {
            // "由2015年的60.3%提高到65%": the first figure is where the indicator starts from.
            baseline = new Measure(Double.parseDouble(fromTo.group(2)),
                    fromTo.group(1) == null ? null : Integer.parseInt(fromTo.group(1)));
            first = quantities.get(1);
            quantities.remove(0);
            before = body.substring(0, fromTo.start()) + body.substring(fromTo.end(), first.start());
        }
        Comparator comparator = comparator(before, body.substring(first.end()));
        // Running text needs a comparing word before the figure: "形成60个左右的…" is a count, not a target.
        if (!context.targetList() && !VERB.matcher(before.strip()).find()) {
            return List.of();
        }
        String nameText = VERB.matcher(before.strip()).replaceAll("");
        Matcher done = DONE_START.matcher(nameText);
        if (done.find() && done.end() < nameText.length() - 1) {
            // "完成各类棚户区改造100万套": the thing counted is the name; completing it means at least that.
            nameText = nameText.substring(done.end());
            if (comparator == Comparator.EXACTLY) {
                comparator = Comparator.AT_LEAST;
            }
        }
        String name = name(nameText, body.substring(first.end()));
        List<String> names = name.isEmpty() ? List.of() : splitNames(name);
        List<Builder> out = new ArrayList<>();
        boolean each = SEVERAL.matcher(before.strip()).find() && before.contains("分别")
                && quantities.size() == names.size() && names.size() > 1;
        boolean same = SEVERAL.matcher(before.strip()).find() && !before.contains("分别") && names.size() > 1;
        if (each) {
            for (int i = 0; i < names.size(); i++) {
                out.add(new Builder(names.get(i), quantities.get(i), comparator, year, clause, baseline));
            }
        } else if (same) {
            for (String n : names) {
                out.add(new Builder(n, first, comparator, year, clause, baseline));
            }
        } else {
            if (!name.isEmpty()) {
                out.add(new Builder(name, first, comparator, year, clause, baseline));
            }
        }
        return out;
    }

    private static Comparator comparator(String before, String after) {
        String b = before.strip();
        Matcher a = AFTER.matcher(after);
        String afterWord = a.find() ? a.group() : "";
        if (afterWord.equals("左右") || ABOUT_BEFORE.matcher(b).find()) {
            return Comparator.ABOUT;
        }
        // 不少于 ends in 少于 and 不高于 in 高于: the negated words must be looked at first.
        if (NOT_LESS.matcher(b).find()) {
            return Comparator.AT_LEAST;
        }
        if (NOT_MORE.matcher(b).find()) {
            return Comparator.AT_MOST;
        }
        if (afterWord.equals("以内") || afterWord.equals("之内") || afterWord.equals("以下") || AT_MOST_BEFORE.matcher(b).find()) {
            return Comparator.AT_MOST;
        }
        if (afterWord.endsWith("以上") || AT_LEAST_BEFORE.matcher(b).find() || DONE_BEFORE.matcher(b).find()) {
            return Comparator.AT_LEAST;
        }
        return Comparator.EXACTLY;
    }

    /**
     * The indicator's name: the words before the figure, or after it when the figure comes first
     * ("70%的降雨就地消纳"). Joined names ("A和B") are split only when 分别 or 均 says they are several.
     */
    private static String name(String before, String afterFigure) {
        String name = clean(before);
        String tail = AFTER.matcher(afterFigure).replaceFirst("");
        if (tail.startsWith("的")) {
            String rest = clean(tail.substring(1));
            name = name.isEmpty() ? rest : name + "的" + rest;
        }
        return name;
    }

    private static List<String> splitNames(String name) {
        List<String> parts = new ArrayList<>();
        for (String p : name.split("和|、|及")) {
            if (!p.isBlank()) {
                parts.add(p);
            }
        }
        return parts.isEmpty() ? List.of(name) : parts;
    }

    private static String clean(String s) {
        String n = TextNormalizer.strip(s);
        n = NAME_NOISE_START.matcher(n).replaceFirst("");
        n = NAME_NOISE_END.matcher(n).replaceFirst("");
        return TextNormalizer.strip(n);
    }

    private static final class Builder {
        private final String name;
        private String unit;
        private final Comparator comparator;
        private final Measure target;
        private final String text;
        private Measure baseline;
        private final List<Measure> interim = new ArrayList<>();

        Builder(String name, MatchResult quantity, Comparator comparator, Integer year, String text, Measure baseline) {
            this.name = name;
            this.unit = normalizeUnit(quantity.group(2));
            this.comparator = comparator;
            this.target = new Measure(Double.parseDouble(quantity.group(1)), year);
            this.text = text;
            this.baseline = baseline;
        }

        void baseline(double value, int year, String unitText) {
            if (unitText == null || normalizeUnit(unitText).equals(unit)) {
                baseline = new Measure(value, year);
            }
        }

        void interim(double value, int year) {
            interim.add(new Measure(value, year));
        }

        Indicator build(Context c) {
            return new Indicator(name, unit, comparator, baseline, target, interim, c.leadOrgs(), c.cooperatingOrgs(),
                    c.itemNumber(), text);
        }
    }

    static String normalizeUnit(String unit) {
        return unit == null ? null : unit.replace('％', '%');
    }
}
