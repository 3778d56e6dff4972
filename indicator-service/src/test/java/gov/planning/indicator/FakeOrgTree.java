package gov.planning.indicator;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import gov.planning.indicator.security.OrgTree;
import io.smallrye.mutiny.Uni;

/**
 * The org tree the tests run against, in place of org-service (ids are derived from the codes):
 * <pre>
 * nmg 自治区人民政府
 *   nmg.bgt 办公厅 (the general office: plans it issues cover nmg's territory)
 *   nmg.zjt 住建厅, nmg.lcj 林草局
 *   nmg.hhht 呼和浩特市人民政府
 *     nmg.hhht.zjj 呼和浩特市住建局
 *   nmg.chifeng 赤峰市人民政府
 * gx 广西壮族自治区人民政府
 *   gx.zjt 广西住建厅
 * </pre>
 * and the organizations tests add below nmg ({@link #newOrg()}); any other id is one org-service does not know.
 */
@Alternative
@Priority(1)
@Singleton
public class FakeOrgTree implements OrgTree {

    static final Map<String, String> PARENT = new ConcurrentHashMap<>(Map.of("nmg.zjt", "nmg", "nmg.lcj", "nmg", "nmg.hhht", "nmg",
            "nmg.hhht.zjj", "nmg.hhht", "nmg.chifeng", "nmg", "gx.zjt", "gx", "nmg.bgt", "nmg"));
    /** Governments; every other organization's territory is its nearest government's. */
    static final Set<String> GOVERNMENTS = Set.of("nmg", "gx", "nmg.hhht", "nmg.chifeng");
    static final Set<String> ROOTS = Set.of("nmg", "gx");

    public static UUID id(String code) {
        return UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8));
    }

    public static String ids(String code) {
        return id(code).toString();
    }

    /** A new organization below nmg (a region or a responsible organization of any nmg plan); answers its id. */
    static String newOrg() {
        String code = "nmg.test-" + UUID.randomUUID();
        PARENT.put(code, "nmg");
        return ids(code);
    }

    static Set<String> allCodes() {
        Set<String> all = new HashSet<>(PARENT.keySet());
        all.addAll(ROOTS);
        return all;
    }

    static boolean isAtOrBelow(String code, String ancestor) {
        for (String c = code; c != null; c = PARENT.get(c)) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private static Set<UUID> atOrBelow(Collection<String> codes) {
        return allCodes().stream().filter(c -> codes.stream().anyMatch(k -> isAtOrBelow(c, k))).map(FakeOrgTree::id)
                .collect(Collectors.toSet());
    }

    @Override
    public Uni<Reach> reachOf(Collection<String> codes) {
        Set<String> known = codes.stream().filter(allCodes()::contains).collect(Collectors.toSet());
        return Uni.createFrom().item(new Reach(known.stream().map(FakeOrgTree::id).collect(Collectors.toSet()), atOrBelow(known)));
    }

    @Override
    public Uni<Set<UUID>> unknownOf(Collection<UUID> ids) {
        Set<UUID> known = allCodes().stream().map(FakeOrgTree::id).collect(Collectors.toSet());
        return Uni.createFrom().item(ids.stream().filter(id -> !known.contains(id)).collect(Collectors.toSet()));
    }

    @Override
    public Uni<Set<UUID>> territoryOf(UUID issuer) {
        String code = allCodes().stream().filter(c -> id(c).equals(issuer)).findFirst().orElse(null);
        while (code != null && !GOVERNMENTS.contains(code)) {
            code = PARENT.get(code);
        }
        return code == null ? subtreeOf(issuer) : subtreeOf(id(code));
    }

    @Override
    public Uni<Set<UUID>> subtreeOf(UUID orgId) {
        return Uni.createFrom().item(allCodes().stream().filter(c -> id(c).equals(orgId)).findFirst()
                .map(c -> atOrBelow(Set.of(c))).orElse(Set.of()));
    }
}
