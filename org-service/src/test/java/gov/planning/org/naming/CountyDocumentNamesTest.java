package gov.planning.org.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;

/**
 * Issue #21: a banner's (旗) own document names its departments bare or with the bare level word (财政局, 旗财政局,
 * 发展和改革委员会) and means its own, as entered by an admin under their full names, without short names.
 */
class CountyDocumentNamesTest {

    private static final LocalDate D2024 = LocalDate.of(2024, 4, 10);
    private static final List<OrgNode> NODES = new ArrayList<>();
    private static final OrgNameResolver RESOLVER;

    static {
        node("p", "测试自治区人民政府", OrgKind.GOVERNMENT, AdminLevel.PROVINCE, "测试自治区", null);
        node("p.czt", "测试自治区财政厅", OrgKind.DEPARTMENT, AdminLevel.PROVINCE, null, "p");
        node("p.a", "甲市人民政府", OrgKind.GOVERNMENT, AdminLevel.PREFECTURE, "甲市", "p");
        node("p.a.czj", "甲市财政局", OrgKind.DEPARTMENT, AdminLevel.PREFECTURE, null, "p.a");
        node("p.a.fgw", "甲市发展和改革委员会", OrgKind.DEPARTMENT, AdminLevel.PREFECTURE, null, "p.a");
        node("p.a.b", "示例旗人民政府", OrgKind.GOVERNMENT, AdminLevel.COUNTY, "示例旗", "p.a");
        node("p.a.b.ban", "示例旗人民政府办公室", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.b");
        node("p.a.b.nmj", "示例旗农牧局", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.b");
        node("p.a.b.czj", "示例旗财政局", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.b");
        node("p.a.b.fgw", "示例旗发展和改革委员会", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.b");
        node("p.a.b.zjj", "示例旗住房和城乡建设局", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.b");
        node("p.a.b.jtj", "示例旗交通运输局", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.b");
        node("p.a.c", "邻旗人民政府", OrgKind.GOVERNMENT, AdminLevel.COUNTY, "邻旗", "p.a");
        node("p.a.c.czj", "邻旗财政局", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.c");
        node("p.a.c.fgw", "邻旗发展和改革委员会", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.c");
        RESOLVER = new OrgNameResolver(new OrgTree(NODES));
    }

    private static OrgNode node(String code, String name, OrgKind kind, AdminLevel level, String region, String parent) {
        OrgNode n = new OrgNode(id(code), code, name, null, List.of(), kind, level, region,
                parent == null ? null : id(parent), null, null, null, 0);
        NODES.add(n);
        return n;
    }

    private static UUID id(String code) {
        return UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(List<String> names, String context) {
        return RESOLVER.resolve(names, context, D2024).stream()
                .map(m -> m.organization() == null ? null : m.organization().code()).toList();
    }

    @Test
    void theBannersDocumentMeansItsOwnDepartmentsByBareAndBannerPrefixedNames() {
        // the lists of the fictional county document (plan-service's documents/county-banner-implementation-plan.txt)
        assertThat(codes(List.of("旗农牧局"), "p.a.b.ban")).containsExactly("p.a.b.nmj");
        assertThat(codes(List.of("财政局"), "p.a.b.ban")).containsExactly("p.a.b.czj");
        assertThat(codes(List.of("旗住房和城乡建设局"), "p.a.b.ban")).containsExactly("p.a.b.zjj");
        assertThat(codes(List.of("发展和改革委员会", "旗财政局"), "p.a.b.ban")).containsExactly("p.a.b.fgw", "p.a.b.czj");
        assertThat(codes(List.of("旗交通运输局"), "p.a.b")).containsExactly("p.a.b.jtj");
    }

    @Test
    void aBannerPrefixCarriesToTheBareNamesAfterIt() {
        assertThat(codes(List.of("旗住房和城乡建设局", "发展和改革委员会", "财政局"), "p.a.b.ban"))
                .containsExactly("p.a.b.zjj", "p.a.b.fgw", "p.a.b.czj");
    }

    @Test
    void withoutTheBannersContextABareNameIsNotGuessed() {
        OrgNameResolver.Match match = RESOLVER.resolve("财政局", null, D2024);
        assertThat(match.organization()).isNull();
        assertThat(match.candidates()).extracting(OrgNode::code).contains("p.a.b.czj", "p.a.c.czj");
        assertThat(RESOLVER.resolve("旗财政局", "p.a", D2024).organization()).as("which banner's?").isNull();
    }
}
