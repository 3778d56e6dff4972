package gov.planning.org.naming;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;

/**
 * Turns unit names as plan documents write them into organizations, over an in-memory {@link OrgTree}.
 * <p>
 * The guiding rule: a wrong confident answer is worse than none, because an import that silently assigns a task to
 * the wrong department is found late, while an unresolved name is shown to the planner at once. So the resolver
 * answers only when the name, read in the issuer's context on the document's date, points to exactly one body; in
 * every other case it answers null and ranks what it found as candidates.
 */
public final class OrgNameResolver {

    /** The answer for one input: {@code organization} null when unsure; {@code candidates} best first. */
    public record Match(String input, OrgNode organization, List<OrgNode> candidates) {
    }

    private static final Pattern IGNORED = Pattern.compile("[\\s\"'“”‘’「」『』]");
    private static final Pattern LABEL = Pattern.compile("^(牵头单位|责任单位|配合单位|参加单位|协办单位|牵头部门|责任部门|配合部门|参加部门)[:]");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,.;:、。;!?]+$");
    private static final Pattern TRAILING_ROLE = Pattern.compile("(\\((牵头|负责|配合|参加|牵头单位|配合单位)\\)|牵头|负责|配合)$");

    /** Generic level words a document puts before a body's name, and the level of the government they point to. */
    private static final Map<String, AdminLevel> LEVEL_WORDS = new LinkedHashMap<>();
    static {
        LEVEL_WORDS.put("自治区", AdminLevel.PROVINCE);
        LEVEL_WORDS.put("省", AdminLevel.PROVINCE);
        LEVEL_WORDS.put("盟", AdminLevel.PREFECTURE);
        LEVEL_WORDS.put("市", AdminLevel.PREFECTURE);
        LEVEL_WORDS.put("旗", AdminLevel.COUNTY);
        LEVEL_WORDS.put("县", AdminLevel.COUNTY);
        LEVEL_WORDS.put("区", AdminLevel.COUNTY);
    }

    /** Phrases that introduce a set of bodies: such a name never takes a prefix carried over from the list. */
    private static final List<String> SET_WORDS = List.of("各", "相关", "有关", "全区", "全市");

    private final OrgTree tree;
    /** Normalized name, short name, alias or derived form → bodies known by it. */
    private final Map<String, Set<OrgNode>> index = new HashMap<>();
    /** Region name (and short form such as 广西, 呼和浩特) → the governments of regions of that name. */
    private final Map<String, List<OrgNode>> regions = new HashMap<>();
    private final List<String> regionPrefixesLongestFirst;

    public OrgNameResolver(OrgTree tree) {
        this.tree = tree;
        for (OrgNode node : tree.nodes()) {
            if (node.kind() == OrgKind.GOVERNMENT && node.region() != null) {
                for (String form : regionForms(node)) {
                    regions.computeIfAbsent(form, k -> new ArrayList<>()).add(node);
                }
            }
        }
        regionPrefixesLongestFirst = regions.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
        for (OrgNode node : tree.nodes()) {
            for (String key : keys(node)) {
                index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(node);
            }
        }
    }

    /**
     * Resolves the names of one list in order: a list such as 旗城市管理行政执法局、教育体育局 carries the first
     * name's region or level prefix to the following names that have none of their own.
     *
     * @param contextCode the issuing organization, whose region decides among bodies of the same name
     * @param day the document's date: historical names resolve to what existed then
     */
    public List<Match> resolve(List<String> names, String contextCode, LocalDate day) {
        OrgNode contextOrg = tree.byCode(contextCode);
        OrgNode context = contextOrg == null ? null : tree.government(contextOrg);
        List<Match> matches = new ArrayList<>(names.size());
        String carried = null;
        for (String input : names) {
            String name = normalize(input);
            String own = prefixOf(name);
            Match match = null;
            if (own != null) {
                carried = own;
            } else if (carried != null && !isSetPhrase(name)) {
                Match withCarried = resolveOne(input, carried + name, context, day);
                // A carried prefix only narrows; when it finds nothing the name stands on its own (旗财政局、公安厅).
                if (withCarried.organization() != null || !withCarried.candidates().isEmpty() && lookup(name).isEmpty()) {
                    match = withCarried;
                }
            }
            matches.add(match != null ? match : resolveOne(input, name, context, day));
        }
        return matches;
    }

    public Match resolve(String name, String contextCode, LocalDate asOf) {
        return resolve(List.of(name), contextCode, asOf).get(0);
    }

    /**
     * Folds the ways documents write the same name: full- and half-width forms (NFKC), spaces and quotes, a leading
     * label (牵头单位：), trailing punctuation and role suffixes (负责, 牵头, （牵头）), enclosing brackets.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String s = IGNORED.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("");
        s = LABEL.matcher(s).replaceFirst("");
        String before;
        do {
            before = s;
            s = TRAILING_PUNCTUATION.matcher(s).replaceAll("");
            s = TRAILING_ROLE.matcher(s).replaceAll("");
            if (s.startsWith("(") && s.endsWith(")") && s.indexOf('(', 1) < 0) {
                s = s.substring(1, s.length() - 1);
            }
        } while (!s.equals(before) && !s.isEmpty());
        return s;
    }

    // ------------------------------------------------------------------------------------------------ one name

    /** A body found for a name, with how it was found. */
    private record Hit(OrgNode node, boolean explicit, AdminLevel level, OrgNode scope) {
    }

    /** How a candidate's government stands to the issuer's: the lower the rank, the more likely it is meant. */
    private record Ranked(OrgNode node, Hit hit, int relation, int distance, boolean valid) {
        static final int SELF = 0, ANCESTOR = 1, DESCENDANT = 2, SAME_PROVINCE = 3, ELSEWHERE = 4;
    }

    private Match resolveOne(String input, String name, OrgNode context, LocalDate day) {
        List<Hit> hits = lookup(name);
        if (hits.isEmpty()) {
            return new Match(input, null, fuzzyCandidates(name, context, day));
        }
        Map<OrgNode, Ranked> byNode = new LinkedHashMap<>();
        for (Hit hit : hits) {
            Ranked ranked = rank(hit, context, day);
            if (ranked == null) {
                continue;
            }
            Ranked known = byNode.get(ranked.node());
            if (known == null || better(ranked, known)) {
                byNode.put(ranked.node(), ranked);
            }
        }
        List<Ranked> ranked = byNode.values().stream().sorted(RANKING).toList();
        List<OrgNode> candidates = ranked.stream().map(Ranked::node).toList();
        return new Match(input, confident(ranked, name, context), candidates);
    }

    private static final Comparator<Ranked> RANKING = Comparator.comparing((Ranked r) -> !r.valid())
            .thenComparingInt(Ranked::relation).thenComparingInt(Ranked::distance)
            .thenComparing(r -> r.node().code());

    private static boolean better(Ranked a, Ranked b) {
        return RANKING.compare(a, b) < 0 || a.hit().explicit() && !b.hit().explicit();
    }

    /** The one body meant, or null when the hits leave any doubt. */
    private OrgNode confident(List<Ranked> ranked, String name, OrgNode context) {
        List<Ranked> valid = ranked.stream().filter(Ranked::valid).toList();
        if (valid.isEmpty()) {
            return null;
        }
        if (context == null) {
            return valid.size() == 1 ? valid.get(0).node() : null;
        }
        Ranked best = valid.get(0);
        List<Ranked> sameClass = valid.stream().filter(r -> r.relation() == best.relation()
                && (best.relation() != Ranked.ANCESTOR || r.distance() == best.distance())).toList();
        if (sameClass.size() != 1) {
            return null;
        }
        boolean prefixed = best.hit().explicit() || best.hit().level() != null || prefixOf(name) != null;
        return switch (best.relation()) {
            case Ranked.SELF -> best.node();
            // A county document's bare 发改委 means the county's own, which may simply not be loaded; only a name
            // that exists solely at province level (…厅) or says whose it is may be taken from a government above.
            case Ranked.ANCESTOR -> prefixed || name.endsWith("厅") ? best.node() : null;
            // Below the issuer, a bare department name could be any of its subordinate governments' departments.
            case Ranked.DESCENDANT -> prefixed || best.node().kind() == OrgKind.GOVERNMENT
                    || best.node().kind() == OrgKind.COLLECTIVE ? best.node() : null;
            default -> best.hit().explicit() && valid.size() == 1 ? best.node() : null;
        };
    }

    private Ranked rank(Hit hit, OrgNode context, LocalDate day) {
        OrgNode node = atDate(hit.node(), day);
        boolean valid = node.validOn(day);
        OrgNode government = tree.government(node);
        if (hit.scope() != null && (government == null || !government.id().equals(hit.scope().id()))) {
            return null;
        }
        if (hit.level() != null) {
            if (government == null || government.level() != hit.level()) {
                return null;
            }
            // 市财政局 in a county's document is the county's prefecture's: the level word picks from the issuer's chain.
            if (context != null) {
                OrgNode meant = tree.governmentChain(context).stream().filter(g -> g.level() == hit.level()).findFirst().orElse(null);
                if (meant != null && !meant.id().equals(government.id())) {
                    return null;
                }
            }
        }
        if (context == null || government == null) {
            return new Ranked(node, hit, Ranked.SAME_PROVINCE, 0, valid);
        }
        if (government.id().equals(context.id())) {
            return new Ranked(node, hit, Ranked.SELF, 0, valid);
        }
        int up = tree.distanceUp(context, government);
        if (up > 0) {
            return new Ranked(node, hit, Ranked.ANCESTOR, up, valid);
        }
        int down = tree.distanceUp(government, context);
        if (down > 0) {
            return new Ranked(node, hit, Ranked.DESCENDANT, down, valid);
        }
        boolean sameProvince = tree.root(government).id().equals(tree.root(context).id());
        return new Ranked(node, hit, sameProvince ? Ranked.SAME_PROVINCE : Ranked.ELSEWHERE, 0, valid);
    }

    /** A body that had been replaced by {@code day} stands for its successor (国土厅 in a 2021 plan = 自然资源厅). */
    private OrgNode atDate(OrgNode node, LocalDate day) {
        OrgNode current = node;
        for (int hops = 0; hops < 10 && !current.validOn(day) && current.validTo() != null
                && !current.validTo().isAfter(day) && current.successorId() != null; hops++) {
            OrgNode next = tree.byId(current.successorId());
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** Bodies known by the name itself, or by its rest after a region name or a level word. */
    private List<Hit> lookup(String name) {
        List<Hit> hits = new ArrayList<>();
        for (OrgNode node : index.getOrDefault(name, Set.of())) {
            hits.add(new Hit(node, name.equals(normalize(node.name())), null, null));
        }
        for (String region : regionPrefixesLongestFirst) {
            if (name.length() > region.length() && name.startsWith(region)) {
                String rest = name.substring(region.length());
                for (OrgNode government : regions.get(region)) {
                    for (OrgNode node : index.getOrDefault(rest, Set.of())) {
                        hits.add(new Hit(node, true, null, government));
                    }
                }
            }
        }
        for (Map.Entry<String, AdminLevel> word : LEVEL_WORDS.entrySet()) {
            if (name.length() > word.getKey().length() && name.startsWith(word.getKey())) {
                for (OrgNode node : index.getOrDefault(name.substring(word.getKey().length()), Set.of())) {
                    hits.add(new Hit(node, false, word.getValue(), null));
                }
            }
        }
        return hits;
    }

    /** The region name or level word {@code name} starts with, when it is one (市场监督管理局 does not start with 市). */
    private String prefixOf(String name) {
        for (String region : regionPrefixesLongestFirst) {
            if (name.length() > region.length() && name.startsWith(region)) {
                return region;
            }
        }
        for (String word : LEVEL_WORDS.keySet()) {
            if (name.length() > word.length() && name.startsWith(word)) {
                String rest = name.substring(word.length());
                if (index.containsKey(rest) || !index.containsKey(name)) {
                    return word;
                }
            }
        }
        return null;
    }

    private static boolean isSetPhrase(String name) {
        return SET_WORDS.stream().anyMatch(name::startsWith);
    }

    /** When nothing is known by the name: bodies whose names contain it or are contained in it, as hints only. */
    private List<OrgNode> fuzzyCandidates(String name, OrgNode context, LocalDate day) {
        if (name.length() < 2) {
            return List.of();
        }
        Set<OrgNode> found = new HashSet<>();
        for (Map.Entry<String, Set<OrgNode>> entry : index.entrySet()) {
            String key = entry.getKey();
            if (key.length() >= 2 && (key.contains(name) || key.length() >= 3 && name.contains(key))) {
                found.addAll(entry.getValue());
            }
        }
        return found.stream().map(node -> rank(new Hit(node, false, null, null), context, day))
                .filter(java.util.Objects::nonNull)
                .sorted(RANKING).map(Ranked::node).distinct().limit(10).toList();
    }

    // ------------------------------------------------------------------------------------------------ the index

    private List<String> keys(OrgNode node) {
        Set<String> names = new LinkedHashSet<>();
        names.add(node.name());
        if (node.shortName() != null) {
            names.add(node.shortName());
        }
        names.addAll(node.aliases());
        if (node.kind() == OrgKind.GOVERNMENT && node.region() != null) {
            names.add(node.region());
            names.add(node.region() + "人民政府");
            names.add(node.region() + "政府");
        }
        // Full names carry the region (内蒙古自治区住房和城乡建设厅); documents often drop it (住房和城乡建设厅).
        OrgNode government = tree.government(node);
        List<String> regionForms = government == null ? List.of()
                : tree.governmentChain(government).stream().filter(g -> g.region() != null).flatMap(g -> regionForms(g).stream()).toList();
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            String key = normalize(name);
            if (key.isEmpty()) {
                continue;
            }
            keys.add(key);
            for (String region : regionForms) {
                if (key.startsWith(region) && key.length() - region.length() >= 2) {
                    keys.add(key.substring(region.length()));
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /** A region's name and, above county level, its short form: 广西壮族自治区 → 广西, 呼和浩特市 → 呼和浩特. */
    private static List<String> regionForms(OrgNode government) {
        String region = normalize(government.region());
        List<String> forms = new ArrayList<>(List.of(region));
        if (government.level() == AdminLevel.PROVINCE || government.level() == AdminLevel.PREFECTURE) {
            for (String suffix : List.of("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市", "盟")) {
                if (region.endsWith(suffix) && region.length() - suffix.length() >= 2) {
                    forms.add(region.substring(0, region.length() - suffix.length()));
                    break;
                }
            }
        }
        return forms;
    }
}
