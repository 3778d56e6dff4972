package gov.planning.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import gov.planning.orgclient.InMemoryOrganizationTree;
import gov.planning.orgclient.OrganizationTree;

/**
 * The org tree the tests run against, in place of org-service (replaces the default {@link OrganizationTree} bean):
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
public class FakeOrgTree extends InMemoryOrganizationTree {

    static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("nmg.zjt", "nmg"), Map.entry("nmg.fgw", "nmg"), Map.entry("nmg.gat", "nmg"), Map.entry("nmg.jyt", "nmg"),
            Map.entry("nmg.hhht", "nmg"), Map.entry("nmg.hhht.zjj", "nmg.hhht"), Map.entry("gx.zjt", "gx"),
            Map.entry("nmg.bt", "nmg"), Map.entry("nmg.mengshi-govs", "nmg"), Map.entry("nmg.gtzyt", "nmg"),
            Map.entry("nmg.zrzyt", "nmg"), Map.entry("nmg.hhht.slq", "nmg.hhht"));
    static final List<String> ROOTS = List.of("nmg", "gx");
    static final Set<String> GOVERNMENTS = Set.of("nmg", "gx", "nmg.hhht", "nmg.bt", "nmg.hhht.slq");
    /** Collective → its members. */
    static final Map<String, List<String>> MEMBERS = Map.of("nmg.mengshi-govs", List.of("nmg.hhht", "nmg.bt"));
    /** Predecessor → successor (a reform). */
    static final Map<String, String> SUCCESSOR = Map.of("nmg.gtzyt", "nmg.zrzyt");

    public FakeOrgTree() {
        super(PARENT, ROOTS, GOVERNMENTS, MEMBERS, SUCCESSOR);
    }
}
