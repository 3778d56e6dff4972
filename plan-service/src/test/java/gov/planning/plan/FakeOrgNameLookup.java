package gov.planning.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import gov.planning.plan.importing.NameMatch;
import gov.planning.plan.importing.OrgNameLookup;
import io.smallrye.mutiny.Uni;

/**
 * org-service's name resolution for the tests (replaces the default lookup): the synthetic sample's units map onto
 * {@link FakeOrgTree}; 市民政局 is ambiguous (two candidates), the county sample's issuer has one candidate but does not resolve, and any other name is unknown (no candidates).
 */
@Singleton
public class FakeOrgNameLookup implements OrgNameLookup {

    static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("市住房和城乡建设局", "nmg.zjt"), Map.entry("市市场监督管理局", "nmg.fgw"),
            Map.entry("市发展和改革委员会", "nmg.fgw"), Map.entry("市财政局", "nmg.gat"), Map.entry("市自然资源局", "nmg.jyt"),
            Map.entry("各区县人民政府", "nmg.hhht"), Map.entry("示例市人民政府办公室", "nmg.fgw"),
            Map.entry("东城区", "nmg.hhht"), Map.entry("西城区", "nmg.hhht.zjj"), Map.entry("南湖区", "nmg.zjt"),
            Map.entry("北山县", "nmg.fgw"), Map.entry("青河县", "nmg.gat"), Map.entry("测试县人民政府", "nmg.hhht"));
    /** In the banner's context ({@link FakeOrgTreeClient#BANNER}) its townships resolve; its departments are not in the tree. */
    static final Map<String, String> KNOWN_IN_BANNER = Map.of("各苏木镇人民政府", "nmg.hhht.slq.smz", "巴彦镇", "nmg.hhht.slq.byz",
            "乌兰苏木", "nmg.hhht.slq.wlsm");
    static final String AMBIGUOUS = "市民政局";
    /** The county sample's issuer: not in the tree, one organization it could mean. */
    static final String COUNTY_ISSUER = "示例旗人民政府办公室";

    /** The context and date of every call, to check that the issuer and issue date are passed on. */
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Uni<List<List<NameMatch>>> resolve(List<List<String>> lists, String contextCode, LocalDate asOf) {
        calls.add(contextCode + "@" + asOf);
        return Uni.createFrom().item(lists.stream().map(list -> list.stream().map(name -> match(name, contextCode)).toList()).toList());
    }

    private static NameMatch match(String name, String contextCode) {
        if (FakeOrgTreeClient.BANNER.equals(contextCode) && KNOWN_IN_BANNER.containsKey(name)) {
            var id = FakeOrgTree.id(KNOWN_IN_BANNER.get(name));
            return new NameMatch(name, id, KNOWN_IN_BANNER.get(name), List.of(id));
        }
        if (KNOWN.containsKey(name)) {
            var id = FakeOrgTree.id(KNOWN.get(name));
            return new NameMatch(name, id, KNOWN.get(name), List.of(id));
        }
        if (AMBIGUOUS.equals(name)) {
            return new NameMatch(name, null, null, List.of(FakeOrgTree.id("nmg.jyt"), FakeOrgTree.id("nmg.gat")));
        }
        if (COUNTY_ISSUER.equals(name)) {
            return new NameMatch(name, null, null, List.of(FakeOrgTree.id("nmg.hhht")));
        }
        return new NameMatch(name, null, null, List.of());
    }
}
