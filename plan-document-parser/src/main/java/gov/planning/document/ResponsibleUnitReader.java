package gov.planning.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who leads and who cooperates, in every form plans use: labelled lines (牵头单位：…,
 * 责任单位：…, 参加单位：…, 配合单位：…), labelled parentheses at a paragraph's end
 * (（牵头单位：…，配合单位：…）), bare trailing parentheses (（住建厅、发改委）, where every listed unit
 * leads), and 牵头/负责/配合 marks after names ("市住房和城乡建设局（牵头），市发展和改革委员会",
 * "（公安厅负责）").
 *
 * <p>Names are split on 、，,；; but kept as written: a resolver elsewhere carries prefixes such as
 * 自治区 from one name to the next, which is why the raw list text is kept as well. Collectives such
 * as 各盟行政公署、市人民政府 or 各市、县（市、区）人民政府 stay one name although they contain 、.
 */
public final class ResponsibleUnitReader {

    /**
     * Lead and cooperating units. The texts are the lists as written that the names were read from;
     * when one list held both (责任单位：A（牵头），B) both texts are that list.
     */
    public record Responsibility(List<String> leadOrgs, List<String> cooperatingOrgs, String leadText,
                                 String cooperatingText) {
        public Responsibility {
            leadOrgs = List.copyOf(leadOrgs);
            cooperatingOrgs = List.copyOf(cooperatingOrgs);
        }

        public static final Responsibility NONE = new Responsibility(List.of(), List.of(), null, null);

        public boolean isEmpty() {
            return leadOrgs.isEmpty() && cooperatingOrgs.isEmpty();
        }

        /** This responsibility with another's names added after its own (several labelled lines). */
        public Responsibility plus(Responsibility other) {
            List<String> lead = new ArrayList<>(leadOrgs);
            other.leadOrgs.stream().filter(n -> !lead.contains(n)).forEach(lead::add);
            List<String> coop = new ArrayList<>(cooperatingOrgs);
            other.cooperatingOrgs.stream().filter(n -> !coop.contains(n) && !lead.contains(n)).forEach(coop::add);
            return new Responsibility(lead, coop, join(leadText, other.leadText),
                    join(cooperatingText, other.cooperatingText));
        }

        private static String join(String a, String b) {
            if (a == null || a.equals(b)) {
                return b == null ? a : b;
            }
            return b == null ? a : a + "；" + b;
        }
    }

    /** A paragraph whose closing parenthesis named units: the units and the paragraph without them. */
    public record Trailing(Responsibility responsibility, String remainingText) {
    }

    private enum Role { LEAD, COOPERATING, UNMARKED }

    static final Pattern LEAD_LABEL = Pattern.compile("牵头责任单位|牵头单位|牵头部门");
    static final Pattern MIXED_LABEL = Pattern.compile("主要责任单位|责任单位|责任部门");
    static final Pattern COOPERATING_LABEL = Pattern.compile("协同责任单位|参加单位|参与单位|配合单位|配合部门|协办单位|协同单位");
    private static final Pattern ANY_LABEL = Pattern.compile(
            "(牵头责任单位|协同责任单位|牵头单位|牵头部门|主要责任单位|责任单位|责任部门|参加单位|参与单位|配合单位|配合部门|协办单位|协同单位)\\s*[:：]");
    private static final Pattern LEAD_MARK = Pattern.compile("\\s*(?:[（(]\\s*(?:牵头|负责|牵头单位|主责)\\s*[）)]|牵头负责|牵头"
            + "|等?(?:按照职责分工|按职责分工|按照职责|按职责|依职责|分别)负责|负责)$");
    private static final Pattern COOPERATING_MARK = Pattern.compile("\\s*(?:[（(]\\s*(?:配合|参与|参加|协助|协办)\\s*[）)]|配合|参与|协助|协办)$");
    private static final Pattern COLLECTIVE_START = Pattern.compile("^(?:各|相关|有关|所属|沿线|试点)");
    private static final Pattern BARE_AREA = Pattern.compile("[市县区盟旗乡镇]$");
    private static final Pattern LEVEL_GOVERNMENT = Pattern.compile(
            "^(?:[市县区盟旗乡镇]|县级|市级)(?:[（(][^）)]*[）)])?(?:人民政府|政府|行政公署|公署|党委)$");
    private static final Pattern ORG_END = Pattern.compile(
            "(?:厅|局|委|办|会|府|署|部|院|中心|行|处|室|队|司|站|所|社|联|馆|关|门|位|组|团|区|市|盟|旗|县|镇|乡|苏木|嘎查)$");
    private static final Pattern NOT_ORG_START = Pattern.compile(
            "^(?:含|包括|即|如|见|详见|其中|不含|不包括|简称|以下简称|此件|本|试行|暂行|征求意见|注)");
    private static final Pattern FIRST_LEADS_NOTE = Pattern.compile(
            "[（(][^（()）]*(?:列第一位|排名第一|排在第一|列第一|第一位|排第一)[^（()）]*(?:牵头|汇总)[^（()）]*[）)]");
    private static final Pattern EMBEDDED_LEAD = Pattern.compile("由([^，,。；;（(]{2,40}?)(?:牵头|负责)");

    private ResponsibleUnitReader() {
    }

    /** A labelled line or segment: label (牵头单位, 责任单位, 参加单位 …) and the list after the colon. */
    public static Responsibility fromLabelled(String label, String list) {
        String raw = cleanList(list);
        if (raw.isEmpty()) {
            return Responsibility.NONE;
        }
        Matcher firstLeads = FIRST_LEADS_NOTE.matcher(raw);
        if (firstLeads.find()) {
            // "（列第一位者为工作牵头单位，下同）": the first unit leads, the others cooperate.
            raw = cleanList(raw.substring(0, firstLeads.start()) + raw.substring(firstLeads.end()));
            List<String> names = read(raw, Role.UNMARKED).stream().map(n -> n.name).toList();
            if (names.isEmpty()) {
                return Responsibility.NONE;
            }
            return new Responsibility(List.of(names.get(0)), names.subList(1, names.size()), names.get(0),
                    names.size() > 1 ? String.join("、", names.subList(1, names.size())) : null);
        }
        if (COOPERATING_LABEL.matcher(label).matches()) {
            List<String> names = new ArrayList<>();
            read(raw, Role.COOPERATING).forEach(n -> names.add(n.name));
            return new Responsibility(List.of(), names, null, raw);
        }
        boolean leadLabel = LEAD_LABEL.matcher(label).matches();
        List<Named> named = read(raw, Role.UNMARKED);
        boolean anyMark = named.stream().anyMatch(n -> n.role != Role.UNMARKED);
        List<String> lead = new ArrayList<>();
        List<String> coop = new ArrayList<>();
        for (Named n : named) {
            // Under 牵头单位 everyone leads; under 责任单位 a 牵头 mark singles the leads out.
            boolean leads = leadLabel || n.role == Role.LEAD || (n.role == Role.UNMARKED && !anyMark);
            (leads ? lead : coop).add(n.name);
        }
        return new Responsibility(lead, coop, raw, coop.isEmpty() ? null : raw);
    }

    /** Units named in a closing parenthesis, or null when that parenthesis names none. */
    public static Trailing fromParagraphEnd(String paragraph) {
        String p = TextNormalizer.strip(paragraph);
        while (!p.isEmpty() && "。.；;".indexOf(p.charAt(p.length() - 1)) >= 0) {
            p = p.substring(0, p.length() - 1);
        }
        if (!(p.endsWith("）") || p.endsWith(")"))) {
            return null;
        }
        int open = matchingOpen(p);
        if (open < 0) {
            return null;
        }
        String inner = TextNormalizer.strip(p.substring(open + 1, p.length() - 1));
        Responsibility r = fromInner(inner);
        if (r == null || r.isEmpty()) {
            return null;
        }
        return new Trailing(r, TextNormalizer.strip(p.substring(0, open)));
    }

    /** "由自治区统计局牵头，…" inside running text: a last resort when nothing else names a lead. */
    static Responsibility fromSentence(String text) {
        Matcher m = EMBEDDED_LEAD.matcher(text);
        while (m.find()) {
            String list = m.group(1);
            List<Named> named = read(list, Role.LEAD);
            if (!named.isEmpty() && named.stream().allMatch(n -> looksLikeOrganization(n.name))) {
                return new Responsibility(named.stream().map(n -> n.name).toList(), List.of(), list, null);
            }
        }
        return Responsibility.NONE;
    }

    private static Responsibility fromInner(String inner) {
        Matcher label = ANY_LABEL.matcher(inner);
        if (label.find()) {
            return fromLabelledSegments(inner);
        }
        // "公安厅负责。所列部门为主要负责部门，其他部门配合，下同": the note after the first sentence is not a unit.
        String list = Clauses.split(inner, "。").stream().findFirst().orElse("");
        List<Named> named = read(cleanList(list), Role.UNMARKED);
        if (named.isEmpty() || !named.stream().allMatch(n -> looksLikeOrganization(n.name))) {
            return null;
        }
        return fromLabelled("责任单位", list);
    }

    /** （牵头单位：A、B；配合单位：C，D）: each label governs the text up to the next label. */
    static Responsibility fromLabelledSegments(String text) {
        Matcher m = ANY_LABEL.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            labels.add(m.group(1));
        }
        Responsibility r = Responsibility.NONE;
        boolean leadNamed = labels.stream().anyMatch(l -> LEAD_LABEL.matcher(l).matches());
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            r = r.plus(fromLabelled(asCooperatingBesideLead(labels.get(i), leadNamed),
                    text.substring(spans.get(i)[1], end)));
        }
        return r;
    }

    /** Beside a 牵头单位 list, the 责任单位 are the units that carry the work out with the lead: they cooperate. */
    static String asCooperatingBesideLead(String label, boolean leadNamed) {
        return leadNamed && MIXED_LABEL.matcher(label).matches() ? "配合单位" : label;
    }

    /**
     * "一、县示范区管委会牵头工作（8项）": a part heading naming the lead of all its items, or null.
     */
    static String leadOfPart(String heading) {
        if (heading == null) {
            return null;
        }
        Matcher m = PART_LEAD.matcher(TextNormalizer.strip(heading));
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1);
        return looksLikeOrganization(name) ? name : null;
    }

    private static final Pattern PART_LEAD = Pattern.compile(
            "^(?:由)?(.{2,30}?)(?:牵头(?:负责)?(?:的)?(?:工作|事项|任务)?)(?:\\s*[（(]\\s*\\d+\\s*项\\s*[）)])?$");

    /** Individual names in a list, collectives kept whole, marks removed. */
    public static List<String> splitNames(String list) {
        return read(cleanList(list), Role.UNMARKED).stream().map(n -> n.name).toList();
    }

    static boolean looksLikeOrganization(String name) {
        String n = name.replaceAll("[“”\"'‘’]", "");
        if (n.length() < 2 || n.length() > 40 || n.matches(".*\\d.*") || NOT_ORG_START.matcher(n).find()) {
            return false;
        }
        if (COLLECTIVE_START.matcher(n).find()) {
            return true;
        }
        return n.length() >= 3 && ORG_END.matcher(n).find();
    }

    private record Named(String name, Role role) {
    }

    private static String cleanList(String list) {
        String s = TextNormalizer.normalize(list == null ? "" : list);
        s = s.replaceAll("^[:：\\s]+", "");
        while (!s.isEmpty() && "。.；;，,、".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * Splits a list into names with their roles. A mark after a name covers the unmarked names
     * before it in the same comma group, so "A、B（牵头），C" makes A and B lead.
     */
    private static List<Named> read(String list, Role defaultRole) {
        List<Named> out = new ArrayList<>();
        for (String group : Clauses.split(list, "，,；;")) {
            List<String> items = mergeCollectives(Clauses.split(group, "、"));
            List<String> pending = new ArrayList<>();
            for (String item : items) {
                Role role = Role.UNMARKED;
                String name = item;
                Matcher lead = LEAD_MARK.matcher(name);
                Matcher coop = COOPERATING_MARK.matcher(name);
                if (lead.find()) {
                    role = Role.LEAD;
                    name = name.substring(0, lead.start());
                } else if (coop.find()) {
                    role = Role.COOPERATING;
                    name = name.substring(0, coop.start());
                }
                name = TextNormalizer.strip(name.replaceAll("等$", ""));
                if (name.isEmpty()) {
                    continue;
                }
                if (role == Role.UNMARKED) {
                    pending.add(name);
                    continue;
                }
                for (String p : pending) {
                    out.add(new Named(p, role));
                }
                pending.clear();
                out.add(new Named(name, role));
            }
            for (String p : pending) {
                out.add(new Named(p, defaultRole));
            }
        }
        return out;
    }

    private static List<String> mergeCollectives(List<String> items) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String name = items.get(i);
            if (COLLECTIVE_START.matcher(name).find()) {
                // 各市、县（市、区）人民政府 and 各盟行政公署、市人民政府 are one collective each.
                while (i + 1 < items.size()
                        && (BARE_AREA.matcher(name).find() || LEVEL_GOVERNMENT.matcher(items.get(i + 1)).matches())) {
                    name = name + "、" + items.get(++i);
                }
            }
            out.add(name);
        }
        return out;
    }

    private static int matchingOpen(String p) {
        int depth = 0;
        for (int i = p.length() - 1; i >= 0; i--) {
            char c = p.charAt(i);
            if (c == '）' || c == ')') {
                depth++;
            } else if (c == '（' || c == '(') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
