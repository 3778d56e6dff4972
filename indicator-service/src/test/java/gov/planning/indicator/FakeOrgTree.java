package gov.planning.indicator;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import gov.planning.orgclient.InMemoryOrganizationTree;

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
@Singleton
public class FakeOrgTree extends InMemoryOrganizationTree {

    static final Map<String, String> PARENT = new ConcurrentHashMap<>(Map.of("nmg.zjt", "nmg", "nmg.lcj", "nmg", "nmg.hhht", "nmg",
            "nmg.hhht.zjj", "nmg.hhht", "nmg.chifeng", "nmg", "gx.zjt", "gx", "nmg.bgt", "nmg"));
    /** Governments; every other organization's territory is its nearest government's. */
    static final Set<String> GOVERNMENTS = Set.of("nmg", "gx", "nmg.hhht", "nmg.chifeng");
    static final Set<String> ROOTS = Set.of("nmg", "gx");

    public FakeOrgTree() {
        super(PARENT, ROOTS, GOVERNMENTS, Map.of(), Map.of());
    }

    /** A new organization below nmg (a region or a responsible organization of any nmg plan); answers its id. */
    static String newOrg() {
        String code = "nmg.test-" + UUID.randomUUID();
        PARENT.put(code, "nmg");
        return ids(code);
    }
}
