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
import gov.planning.org.reference.ReferenceData;

/** The resolution rules one by one: normalisation, prefixes, context, dates, list carry-over, refusing to guess. */
class OrgNameResolverRulesTest {

    private static final LocalDate D2016 = LocalDate.of(2016, 12, 15);
    private static final LocalDate D2021 = LocalDate.of(2021, 9, 3);
    private static final OrgNameResolver REFERENCE = new OrgNameResolver(ReferenceData.bundled().toTree());

    private static String code(OrgNameResolver resolver, String name, String context, LocalDate asOf) {
        OrgNode org = resolver.resolve(name, context, asOf).organization();
        return org == null ? null : org.code();
    }

    @Test
    void fullNamesWithOrWithoutRegionAndShortFormsAreTheSameDepartment() {
        for (String name : List.of("内蒙古自治区住房和城乡建设厅", "自治区住房和城乡建设厅", "住房和城乡建设厅", "住房城乡建设厅", "住建厅")) {
            assertThat(code(REFERENCE, name, "nmg", D2021)).as(name).isEqualTo("nmg.zjt");
            assertThat(code(REFERENCE, name.replace("内蒙古自治区", "广西壮族自治区"), "gx", D2021)).as(name).isEqualTo("gx.zjt");
        }
    }

    @Test
    void bracketsSpacesAndRoleSuffixesAreIgnored() {
        for (String name : List.of("（住建厅）", "住建厅负责", "住 建 厅（牵头）", "住建厅(牵头)", "牵头单位：住建厅", "住建厅配合")) {
            assertThat(code(REFERENCE, name, "nmg", D2021)).as(name).isEqualTo("nmg.zjt");
        }
        assertThat(code(REFERENCE, "各旗县(市、区)人民政府", "nmg", D2021)).isEqualTo("nmg.qixian-govs");
        assertThat(code(REFERENCE, "各旗县（市、区）人民政府", "nmg", D2021)).isEqualTo("nmg.qixian-govs");
    }

    @Test
    void historicalNamesResolveToTheBodyOfTheDocumentsDate() {
        assertThat(code(REFERENCE, "国土厅", "nmg", D2016)).isEqualTo("nmg.gtzyt");
        assertThat(code(REFERENCE, "国土资源厅", "nmg", D2021)).isEqualTo("nmg.zrzyt");
        assertThat(code(REFERENCE, "卫计委", "nmg", D2021)).isEqualTo("nmg.wsjkw");
        // the day of the reform belongs to the successor
        assertThat(code(REFERENCE, "国土厅", "nmg", LocalDate.of(2018, 11, 10))).isEqualTo("nmg.zrzyt");
        assertThat(code(REFERENCE, "国土厅", "nmg", LocalDate.of(2018, 11, 9))).isEqualTo("nmg.gtzyt");
    }

    @Test
    void withoutContextASameNamedBodyInTwoProvincesIsNotGuessed() {
        OrgNameResolver.Match match = REFERENCE.resolve("住建厅", null, D2021);
        assertThat(match.organization()).isNull();
        assertThat(match.candidates()).extracting(OrgNode::code).contains("nmg.zjt", "gx.zjt");
        // a body only one province has is not taken from the other province's document
        assertThat(code(REFERENCE, "党委农牧办", "gx", D2016)).isNull();
        assertThat(code(REFERENCE, "各城市人民政府", "nmg", D2021)).isNull();
    }

    @Test
    void regionNamesMeanTheirGovernment() {
        assertThat(code(REFERENCE, "土默特左旗", "nmg", D2021)).isEqualTo("nmg.hhht.tmtzq");
        assertThat(code(REFERENCE, "土默特左旗人民政府", "nmg.hhht", D2021)).isEqualTo("nmg.hhht.tmtzq");
        assertThat(code(REFERENCE, "兴安盟", "nmg", D2021)).isEqualTo("nmg.xam");
    }

    // ------------------------------------------------------------------ a small tree with county-level bodies

    private static final List<OrgNode> NODES = new ArrayList<>();

    private static OrgNode node(String code, String name, OrgKind kind, AdminLevel level, String region, String parent, String... aliases) {
        OrgNode n = new OrgNode(id(code), code, name, null, List.of(aliases), kind, level, region, parent == null ? null : id(parent),
                null, null, null, 0);
        NODES.add(n);
        return n;
    }

    private static UUID id(String code) {
        return UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8));
    }

    private static final OrgNameResolver SMALL;
    static {
        node("p", "测试省人民政府", OrgKind.GOVERNMENT, AdminLevel.PROVINCE, "测试省", null);
        node("p.czt", "测试省财政厅", OrgKind.DEPARTMENT, AdminLevel.PROVINCE, null, "p", "财政厅");
        node("p.fgw", "测试省发展和改革委员会", OrgKind.DEPARTMENT, AdminLevel.PROVINCE, null, "p", "发改委");
        node("p.a", "甲市人民政府", OrgKind.GOVERNMENT, AdminLevel.PREFECTURE, "甲市", "p");
        node("p.a.czj", "甲市财政局", OrgKind.DEPARTMENT, AdminLevel.PREFECTURE, null, "p.a", "财政局");
        node("p.a.b", "乙旗人民政府", OrgKind.GOVERNMENT, AdminLevel.COUNTY, "乙旗", "p.a");
        node("p.a.b.czj", "乙旗财政局", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.b", "财政局");
        node("p.a.b.jyj", "乙旗教育体育局", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.b", "教育体育局");
        node("p.a.b.cgj", "乙旗城市管理行政执法局", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.b", "城市管理行政执法局");
        node("p.a.c", "丙县人民政府", OrgKind.GOVERNMENT, AdminLevel.COUNTY, "丙县", "p.a");
        node("p.a.c.czj", "丙县财政局", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.c", "财政局");
        node("p.a.c.jyj", "丙县教育体育局", OrgKind.DEPARTMENT, AdminLevel.COUNTY, null, "p.a.c", "教育体育局");
        SMALL = new OrgNameResolver(new OrgTree(NODES));
    }

    @Test
    void theIssuersRegionDecidesAmongSameNamedBodies() {
        assertThat(code(SMALL, "财政局", "p.a.b", D2021)).isEqualTo("p.a.b.czj");
        assertThat(code(SMALL, "财政局", "p.a.b.jyj", D2021)).as("context given by a county department").isEqualTo("p.a.b.czj");
        assertThat(code(SMALL, "财政局", "p.a.c", D2021)).isEqualTo("p.a.c.czj");
        assertThat(code(SMALL, "财政局", "p.a", D2021)).isEqualTo("p.a.czj");
        OrgNameResolver.Match provincial = SMALL.resolve("财政局", "p", D2021);
        assertThat(provincial.organization()).as("a province has no 财政局 of its own").isNull();
        assertThat(provincial.candidates()).extracting(OrgNode::code).containsExactly("p.a.czj", "p.a.b.czj", "p.a.c.czj");
    }

    @Test
    void bodiesAboveTheIssuerAreTakenOnlyWhenTheNameSaysSo() {
        assertThat(code(SMALL, "财政厅", "p.a.b", D2021)).as("厅 exists only at province level").isEqualTo("p.czt");
        assertThat(code(SMALL, "市财政局", "p.a.b", D2021)).isEqualTo("p.a.czj");
        assertThat(code(SMALL, "省发改委", "p.a.b", D2021)).isEqualTo("p.fgw");
        OrgNameResolver.Match bare = SMALL.resolve("发改委", "p.a.b", D2021);
        assertThat(bare.organization()).as("a county's bare 发改委 is its own, which is not loaded").isNull();
        assertThat(bare.candidates()).extracting(OrgNode::code).containsExactly("p.fgw");
    }

    @Test
    void aListCarriesItsFirstNamesPrefixToTheNamesAfterIt() {
        List<OrgNameResolver.Match> matches = SMALL.resolve(List.of("乙旗城市管理行政执法局", "教育体育局", "财政厅"), "p.a", D2021);
        assertThat(matches).extracting(m -> m.organization() == null ? null : m.organization().code())
                .containsExactly("p.a.b.cgj", "p.a.b.jyj", "p.czt");
        assertThat(code(SMALL, "教育体育局", "p.a", D2021)).as("alone, it could be either county's").isNull();

        List<OrgNameResolver.Match> county = SMALL.resolve(List.of("旗城市管理行政执法局", "教育体育局"), "p.a.b", D2021);
        assertThat(county).extracting(m -> m.organization().code()).containsExactly("p.a.b.cgj", "p.a.b.jyj");
        assertThat(county.get(0).input()).isEqualTo("旗城市管理行政执法局");
    }
}
