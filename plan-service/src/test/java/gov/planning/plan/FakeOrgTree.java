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
 * gx 广西壮族自治区人民政府
 *   gx.zjt 广西住建厅
 * </pre>
 */
@Singleton
public class FakeOrgTree implements OrgDirectory {

    static final Map<String, String> PARENT = Map.of(
            "nmg.zjt", "nmg", "nmg.fgw", "nmg", "nmg.gat", "nmg", "nmg.jyt", "nmg", "nmg.hhht", "nmg",
            "nmg.hhht.zjj", "nmg.hhht", "gx.zjt", "gx");
    static final List<String> ROOTS = List.of("nmg", "gx");

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
        return Uni.createFrom().item(new OrgScope(own, below));
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
