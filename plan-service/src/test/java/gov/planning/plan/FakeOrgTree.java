package gov.planning.plan;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import gov.planning.plan.org.OrgDirectory;
import io.smallrye.mutiny.Uni;

/**
 * The org tree the tests run against, in place of org-service (replaces the default {@link OrgDirectory} bean):
 * <pre>
 * nmg 自治区人民政府
 *   nmg.zjt 住建厅, nmg.fgw 发改委, nmg.gat 公安厅, nmg.jyt 教育厅
 *   nmg.hhht 呼和浩特市人民政府
 *     nmg.hhht.zjj 呼和浩特市住建局
 *     nmg.hhht.slq 示例旗人民政府 (a banner without departments: {@link FakeOrgTreeClient})
 *   nmg.bt 包头市人民政府
 *   nmg.mengshi-govs 各盟行政公署、市人民政府 (COLLECTIVE; members: nmg.hhht, nmg.bt)
 *   nmg.gtzyt 国土资源厅 (replaced in 2018; successor nmg.zrzyt)
 *   nmg.zrzyt 自然资源厅
 * gx 广西壮族自治区人民政府
 *   gx.zjt 广西住建厅
 * </pre>
 * Like org-service, a collective's members are its current members, and predecessors are followed transitively.
 */
@Singleton
public class FakeOrgTree implements OrgDirectory {

    static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("nmg.zjt", "nmg"), Map.entry("nmg.fgw", "nmg"), Map.entry("nmg.gat", "nmg"), Map.entry("nmg.jyt", "nmg"),
            Map.entry("nmg.hhht", "nmg"), Map.entry("nmg.hhht.zjj", "nmg.hhht"), Map.entry("gx.zjt", "gx"),
            Map.entry("nmg.bt", "nmg"), Map.entry("nmg.mengshi-govs", "nmg"), Map.entry("nmg.gtzyt", "nmg"),
            Map.entry("nmg.zrzyt", "nmg"), Map.entry("nmg.hhht.slq", "nmg.hhht"));
    static final List<String> ROOTS = List.of("nmg", "gx");
    /** Collective → its members. */
    static final Map<String, List<String>> MEMBERS = Map.of("nmg.mengshi-govs", List.of("nmg.hhht", "nmg.bt"));
    /** Predecessor → successor (a reform). */
    static final Map<String, String> SUCCESSOR = Map.of("nmg.gtzyt", "nmg.zrzyt");

    public static UUID id(String code) {
        return UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8));
    }

    public static String ids(String code) {
        return id(code).toString();
    }

    static Set<String> allCodes() {
        Set<String> all = new HashSet<>(PARENT.keySet());
        all.addAll(ROOTS);
        return all;
    }

    static boolean isBelowOrSame(String code, String ancestor) {
        for (String c = code; c != null; c = PARENT.get(c)) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Uni<OrgScope> scopeOf(Collection<String> codes) {
        Set<String> known = codes.stream().filter(allCodes()::contains).collect(Collectors.toSet());
        Set<UUID> own = known.stream().map(FakeOrgTree::id).collect(Collectors.toSet());
        Set<UUID> below = allCodes().stream().filter(c -> known.stream().anyMatch(k -> isBelowOrSame(c, k)))
                .map(FakeOrgTree::id).collect(Collectors.toSet());
        Set<UUID> acting = new HashSet<>(own);
        for (String code : known) {
            actingFor(code).forEach(c -> acting.add(id(c)));
        }
        return Uni.createFrom().item(new OrgScope(own, below, acting));
    }

    /** The codes {@code code} took over from, transitively. */
    static Set<String> predecessors(String code) {
        Set<String> found = new HashSet<>();
        SUCCESSOR.forEach((predecessor, successor) -> {
            if (successor.equals(code) && found.add(predecessor)) {
                found.addAll(predecessors(predecessor));
            }
        });
        return found;
    }

    /** The codes {@code code} acts for: its predecessors and the collectives it is a member of. */
    static Set<String> actingFor(String code) {
        Set<String> found = predecessors(code);
        MEMBERS.forEach((collective, members) -> {
            if (members.contains(code)) {
                found.add(collective);
            }
        });
        return found;
    }

    private static Uni<Map<UUID, Set<UUID>>> byId(Collection<UUID> ids, java.util.function.Function<String, Set<String>> of) {
        Map<UUID, Set<UUID>> found = new java.util.HashMap<>();
        for (String code : allCodes()) {
            Set<String> related = of.apply(code);
            if (ids.contains(id(code)) && !related.isEmpty()) {
                found.put(id(code), related.stream().map(FakeOrgTree::id).collect(Collectors.toSet()));
            }
        }
        return Uni.createFrom().item(found);
    }

    @Override
    public Uni<Map<UUID, Set<UUID>>> predecessorsOf(Collection<UUID> ids) {
        return byId(ids, FakeOrgTree::predecessors);
    }

    @Override
    public Uni<Map<UUID, Set<UUID>>> actingFor(Collection<UUID> ids) {
        return byId(ids, FakeOrgTree::actingFor);
    }

    @Override
    public Uni<Map<UUID, UUID>> currentSuccessorOf(Collection<UUID> ids) {
        Map<UUID, UUID> found = new java.util.HashMap<>();
        for (String code : SUCCESSOR.keySet()) {
            String heir = code;
            while (SUCCESSOR.containsKey(heir)) {
                heir = SUCCESSOR.get(heir);
            }
            if (ids.contains(id(code))) {
                found.put(id(code), id(heir));
            }
        }
        return Uni.createFrom().item(found);
    }

    /** Display names are the codes themselves, prefixed, so a test can tell them from ids. */
    @Override
    public Uni<java.util.Map<UUID, String>> names(Collection<UUID> ids) {
        return Uni.createFrom().item(allCodes().stream().filter(c -> ids.contains(id(c)))
                .collect(Collectors.toMap(FakeOrgTree::id, c -> "单位:" + c)));
    }

    @Override
    public Uni<Set<UUID>> existing(Collection<UUID> ids) {
        Set<UUID> all = allCodes().stream().map(FakeOrgTree::id).collect(Collectors.toSet());
        return Uni.createFrom().item(ids.stream().filter(all::contains).collect(Collectors.toSet()));
    }
}
