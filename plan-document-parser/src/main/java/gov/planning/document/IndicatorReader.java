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

    static final String UNITS = "亿斤|万斤|万头|万只|万平方公里|平方公里|平方千米|万平方米|平方米|万公顷|公顷|万亩|亩|万立方米|立方米|亿立方米"
            + "|万千瓦时|亿千瓦时|千瓦时|万千瓦|千瓦|万吨标准煤|吨标准煤|万吨|蒸吨|吨|公里|千米|米"
            + "|万人次|人次|万人|人|万户|户|万套|套|万间|间|万张|张|万元|亿元|元|万辆|辆|个百分点|个|部|座|处|家|台|条|项|栋|幢|斤|头"
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
            "(?:稳定在|保持在|增长|提高|下降|不低于|不少于|达到|提高到|提升到|增加到|增长到|扩大到|超过|高于|大于|至少|突破|控制在|不高于|不超过|低于|降低到|降低至|降至|下降到|下降至|减少到|压减到|压减至|小于|少于|约|大约|达)(?:均|分别)?$");
    private static final Pattern SEVERAL_IN_CLAUSE = Pattern.compile("分别|(?<!人)均(?:达|为|是|不|超|高|控|提|增|降)");
    private static final Pattern SEVERAL = Pattern.compile("(?:均|分别)(?:增长|下降|提高|稳定在|保持在|达到|达|为|是|不低于|不少于|超过|高于|控制在|提高到|提升到|增加到|降低到|下降到)?$");
    private static final Pattern NAME_NOISE_START = Pattern.compile(
            "^(?:——)?(?:对|到|至|力争到|力争|确保|争取|基本|进一步|其中|并且|并|使|同时|且|以及|和|全市|全区|全省|全县|全旗|全盟|全国|全州)+");
    private static final Pattern NAME_NOISE_END = Pattern.compile("(?:均|分别|的|要|将|已|总计|合计|力争|确保|争取)+$");
    /** Names that are themselves a measure ("城镇调查失业率5.5%左右", "粮食产量500亿斤左右"): no verb needed. */
    private static final Pattern METRIC_NAME = Pattern.compile(
            "(?:率|量|额|值|幅|比重|比例|面积|就业|人数|收入|规模|密度|指数|能力)$");
    /** A place or level of government named on its own: 城市, 县城, 建制镇, 农村, 中心城区, 自治区级. */
    private static final String PLACE_END = "[市城镇乡村区县旗盟州省级]";
    private static final Pattern BARE_PLACE = Pattern.compile("[\\p{IsHan}]{0,5}?" + PLACE_END + "+");
    /** The place a measure name opens with ("建制镇污水处理率" → 建制镇), followed by at least two characters of measure. */
    private static final Pattern LEADING_PLACE = Pattern.compile("^[\\p{IsHan}]{0,5}?" + PLACE_END + "+(?=[\\p{IsHan}]{2,})");
    /** "力争减轻企业各类负担200亿元": the clause says it is a target. */
    private static final Pattern TARGET_START = Pattern.compile("^(?:力争|确保|争取)");
    /** The figure comes before the name: "新增20万亩高标准农田", "建成200公里左右地下综合管廊", "容纳1150万左右人口". */
    private static final Pattern ACTION_BEFORE = Pattern.compile("(?:新增|新建|新改建|建成|累计建成|建设|改造|培育|打造|创建|容纳|吸纳|转移|带动|实现|投资)$");
    /** "建设3个劳动密集型产业园", "投资3000万元建设…基地": a clause that opens with its action and its figure commits to it. */
    private static final Pattern CLAUSE_ACTION = Pattern.compile("^(?:新增|新建|新改建|建成|建设|改造|培育|打造|创建|投资)$");
    private static final Pattern NOUN_AFTER = Pattern.compile("^[\\p{IsHan}A-Za-z“”]{2,20}?(?=并|和|，|,|。|；|;|、|$)");
    private static final Pattern RANGE = Pattern.compile(
            "(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(" + UNITS + ")?\\s*(?:—|–|－|-|~|～|至|到)\\s*(\\d+(?:\\.\\d+)?)\\s*(" + UNITS + ")(?!\\d)(?!\\s*(?:以上|以内|左右))");
    /** "1150万左右人口": 万 people written around the qualifier; read as 1150万人 左右. */
    private static final Pattern TEN_THOUSAND_PEOPLE = Pattern.compile(
            "(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*万\\s*(左右|以上)?\\s*人口(?=[，,。；;、]|$)");
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
            // After a 其中 that names no years the clauses that follow are parts of the target before it.
            boolean parts = false;
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
                String body = lead == null ? clause : clause.substring(lead.end());
                if (previous != null && clause.startsWith("其中")) {
                    Matcher m = INTERIM.matcher(clause);
                    boolean dated = false;
                    while (m.find()) {
                        previous.interim(Double.parseDouble(m.group(2)), Integer.parseInt(m.group(1)));
                        dated = true;
                    }
                    if (dated) {
                        continue;
                    }
                    parts = true;
                    body = clause.substring(2).replaceFirst("^[:：]", "");
                }
                Integer year = sentenceYear != null ? sentenceYear : context.defaultTargetYear();
                for (String segment : enumeration(body)) {
                    List<Builder> found = readClause(segment, clause, year, context, sentenceYear != null, parts);
                    if (!found.isEmpty()) {
                        sentenceIndicators.addAll(found);
                        previous = found.get(found.size() - 1);
                    }
                }
            }
            sentenceIndicators.forEach(b -> out.add(b.build(context)));
        }
        return out;
    }

    /**
     * "A增长5%以上、B增长4.5%以上、C8%左右": one clause naming several targets, split at the 、 that follows each
     * figure. A short piece without a figure is a name of a list of names ("城镇失业人员、农民工、…覆盖率") and stays
     * with the piece after it; a long one is a statement without a target and is dropped.
     */
    private static List<String> enumeration(String body) {
        if (SEVERAL_IN_CLAUSE.matcher(body).find() || count(QUANTITY.matcher(peopleAsUnit(body))) < 2) {
            return List.of(body);
        }
        List<String> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String piece : body.split("、")) {
            if (!QUANTITY.matcher(peopleAsUnit(piece)).find()) {
                if (piece.strip().length() <= 8) {
                    pending.append(piece).append('、');
                } else {
                    pending.setLength(0);
                }
                continue;
            }
            String piece2 = piece;
            if (!out.isEmpty() && pending.isEmpty() && Character.isDigit(piece.strip().isEmpty() ? 'x' : piece.strip().charAt(0))) {
                // "打造28个林区小城镇、25个垦区小城镇": the one verb governs every figure of the list.
                String previous = out.get(out.size() - 1);
                Matcher firstFigure = QUANTITY.matcher(peopleAsUnit(previous));
                if (firstFigure.find()) {
                    Matcher action = ACTION_BEFORE.matcher(peopleAsUnit(previous).substring(0, firstFigure.start()).strip());
                    if (action.find()) {
                        piece2 = action.group() + piece.strip();
                    }
                }
            }
            out.add(pending + piece2);
            pending.setLength(0);
        }
        return out;
    }

    /**
     * What a figure that comes first counts: the words after it ("高标准农田"), or after the last 的 of a
     * description ("70个左右集产业链、投资链…于一体的特色小镇" counts 特色小镇).
     */
    private static String counted(String tail) {
        Matcher noun = NOUN_AFTER.matcher(tail);
        if (!noun.find()) {
            return null;
        }
        int of = tail.lastIndexOf('的');
        if (of > 0 && tail.indexOf('、') >= 0 && tail.indexOf('、') < of) {
            Matcher last = NOUN_AFTER.matcher(tail.substring(of + 1));
            return last.find() ? last.group() : null;
        }
        return noun.group();
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String peopleAsUnit(String text) {
        String t = TEN_THOUSAND_PEOPLE.matcher(text)
                .replaceAll(m -> m.group(1) + "万人" + (m.group(2) == null ? "" : m.group(2)) + "人口");
        return ranges(t);
    }

    /**
     * "增长6%—7%", "控制在3%-5%", "新增8至10万亩": a range is met at its lower end, or at its upper end when the
     * words before it set a ceiling; read as that one figure with 以上 (or the ceiling word alone).
     */
    private static String ranges(String text) {
        Matcher m = RANGE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String unit = m.group(4);
            if (m.group(2) != null && !normalizeUnit(m.group(2)).equals(normalizeUnit(unit))) {
                continue;
            }
            String before = text.substring(0, m.start()).strip();
            if (before.matches(".*(?:由|从)(?:(?:19|20)\\d{2}\\s*年(?:底|末)?的?)?$")) {
                continue; // "从60%到65%" is a baseline and a target
            }
            boolean ceiling = AT_MOST_BEFORE.matcher(before).find() || NOT_MORE.matcher(before).find();
            out.append(text, last, m.start());
            out.append(ceiling ? m.group(3) + unit : m.group(1) + unit + "以上");
            last = m.end();
        }
        out.append(text.substring(last));
        return out.toString();
    }

    private static List<Builder> readClause(String segment, String clause, Integer year, Context context,
                                            boolean dated, boolean parts) {
        String body = peopleAsUnit(segment);
        List<MatchResult> quantities = new ArrayList<>();
        Matcher q = QUANTITY.matcher(body);
        while (q.find()) {
            quantities.add(q.toMatchResult());
        }
        if (quantities.isEmpty()) {
            return List.of();
        }
        // "现有20个城市中心城区容纳1150万左右人口": the target is the figure a verb, a qualifier or an action marks.
        Matcher startsFrom = FROM_TO.matcher(body);
        boolean fromFirst = startsFrom.find() && startsFrom.end() == quantities.get(0).end();
        for (int i = 0; i < quantities.size() && !fromFirst; i++) {
            MatchResult m = quantities.get(i);
            String b = body.substring(0, m.start()).strip();
            if (VERB.matcher(b).find() || AFTER.matcher(body.substring(m.end())).find() || ACTION_BEFORE.matcher(b).find()) {
                quantities = new ArrayList<>(quantities.subList(i, quantities.size()));
                break;
            }
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
        String after = body.substring(first.end());
        Comparator comparator = comparator(before, after);
        boolean verb = VERB.matcher(before.strip()).find();
        boolean qualified = AFTER.matcher(after).find();
        String nameText = VERB.matcher(before.strip()).replaceAll("");
        Matcher done = DONE_START.matcher(nameText);
        if (done.find() && done.end() < nameText.length() - 1) {
            // "完成各类棚户区改造100万套": the thing counted is the name; completing it means at least that.
            nameText = nameText.substring(done.end());
            if (comparator == Comparator.EXACTLY) {
                comparator = Comparator.AT_LEAST;
            }
        }
        String name = name(nameText, after);
        boolean figureFirst = false;
        String tail = AFTER.matcher(after).replaceFirst("");
        String counted = counted(tail);
        if (!verb && !tail.startsWith("的") && ACTION_BEFORE.matcher(before.strip()).find() && counted != null) {
            // "新增20万亩高标准农田": what is counted follows the figure.
            name = clean(before) + counted;
            figureFirst = true;
        }
        // Running text needs a sign that a figure is a target: "形成60个左右的…" is a count, not a target.
        boolean target = context.targetList() || verb
                || TARGET_START.matcher(segment.strip()).find()
                || (qualified && METRIC_NAME.matcher(clean(nameText)).find())
                || (figureFirst && (dated || qualified || parts || before.strip().endsWith("新增")
                        || CLAUSE_ACTION.matcher(before.strip()).matches()));
        if (!target) {
            return List.of();
        }
        List<String> names = name.isEmpty() ? List.of() : sharedSuffix(splitNames(name));
        if (names.size() == 1 && quantities.size() == 2 && name.startsWith("城乡") && before.contains("分别")) {
            // "城乡居民人均可支配收入分别增长6%、6.5%": the urban and the rural figure.
            names = List.of("城镇" + name.substring(2), "农村" + name.substring(2));
        }
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

    /**
     * "城市、县城、建制镇污水处理率": places enumerated before one measure name share it, so each name gets the measure
     * (城市污水处理率 …). Only when every name but the last is a bare place (ends in 市, 城, 镇 …, no measure word) and
     * the last is a place followed by a measure; "A率和B率" stay as they are.
     */
    private static List<String> sharedSuffix(List<String> names) {
        if (names.size() < 2) {
            return names;
        }
        List<String> subjects = names.subList(0, names.size() - 1);
        String last = names.get(names.size() - 1);
        Matcher place = LEADING_PLACE.matcher(last);
        if (!place.find() || !METRIC_NAME.matcher(last).find()
                || !subjects.stream().allMatch(n -> BARE_PLACE.matcher(n).matches())) {
            return names;
        }
        String measure = last.substring(place.end());
        List<String> out = new ArrayList<>();
        subjects.forEach(subject -> out.add(subject + measure));
        out.add(last);
        return out;
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
