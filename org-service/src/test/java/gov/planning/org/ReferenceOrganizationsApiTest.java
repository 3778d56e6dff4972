package gov.planning.org;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The reference tree loaded at start, read through the public queries. */
@QuarkusTest
class ReferenceOrganizationsApiTest {

    private static JsonPath query(String query) {
        JsonPath result = post(TestTokens.viewer(), query);
        assertThat(result.getString("errors")).as(result.prettify()).isNull();
        return result;
    }

    private static List<String> codes(String query) {
        return query(query).getList("data.organizations.edges.node.code");
    }

    @Test
    void departmentsCarryAliasesParentAndAncestors() {
        JsonPath zjt = query("{ organization(code: \"nmg.zjt\") { name aliases parent { code } ancestors { code } } }");
        assertThat(zjt.getString("data.organization.name")).isEqualTo("内蒙古自治区住房和城乡建设厅");
        assertThat(zjt.getList("data.organization.aliases")).contains("住建厅");
        assertThat(zjt.getString("data.organization.parent.code")).isEqualTo("nmg");
        assertThat(zjt.getList("data.organization.ancestors.code")).containsExactly("nmg");

        JsonPath county = query("{ organization(code: \"nmg.hhht.tmtzq\") { ancestors { code } } }");
        assertThat(county.getList("data.organization.ancestors.code")).containsExactly("nmg", "nmg.hhht");
    }

    @Test
    void searchMatchesAliasesAndFiltersByKindAndParent() {
        assertThat(codes("{ organizations(search: \"住建厅\") { edges { node { code } } } }")).contains("nmg.zjt", "gx.zjt");
        assertThat(codes("{ organizations(search: \"住建厅\", parentCode: \"gx\") { edges { node { code } } } }")).containsExactly("gx.zjt");
        assertThat(codes("{ organizations(kind: COLLECTIVE, parentCode: \"nmg\") { edges { node { code } } } }"))
                .containsExactly("nmg.mengshi-govs", "nmg.qixian-govs");
    }

    @Test
    void successionIsReadableBothWays() {
        JsonPath old = query("{ organization(code: \"nmg.gtzyt\") { validTo successor { code predecessors { code } } } }");
        assertThat(old.getString("data.organization.validTo")).isEqualTo("2018-11-10");
        assertThat(old.getString("data.organization.successor.code")).isEqualTo("nmg.zrzyt");
        assertThat(old.getList("data.organization.successor.predecessors.code")).containsExactly("nmg.gtzyt");
        JsonPath merged = query("{ organization(code: \"nmg.whlyt\") { predecessors { code } } }");
        assertThat(merged.getList("data.organization.predecessors.code")).containsExactlyInAnyOrder("nmg.wht", "nmg.lyfzw");
    }

    @Test
    void descendantsFilterByKindAndLevelAndCollectivesExpandToTheirMembers() {
        JsonPath hhht = query("{ organization(code: \"nmg.hhht\") { descendants(kind: GOVERNMENT, level: COUNTY) { code } } }");
        assertThat(hhht.getList("data.organization.descendants.code")).hasSize(9).contains("nmg.hhht.tmtzq");

        JsonPath prefectures = query("{ organizations(kind: GOVERNMENT, parentCode: \"nmg\") { edges { node { code descendants(level: COUNTY) { code } } } } }");
        List<List<String>> counties = prefectures.getList("data.organizations.edges.node.descendants.code");
        assertThat(counties).hasSize(12).allSatisfy(list -> assertThat(list).isNotEmpty());
        assertThat(counties.stream().mapToInt(List::size).sum()).isEqualTo(103);

        JsonPath collectives = query("{ organizations(kind: COLLECTIVE, parentCode: \"nmg\") { edges { node { code members { code } memberRule { under { code } kind level } } } } }");
        assertThat(collectives.getList("data.organizations.edges[0].node.members.code")).hasSize(12).contains("nmg.hhht", "nmg.xam", "nmg.als");
        assertThat(collectives.getList("data.organizations.edges[1].node.members.code")).hasSize(103);
        assertThat(collectives.getString("data.organizations.edges[0].node.memberRule.level")).isEqualTo("PREFECTURE");
        assertThat(query("{ organization(code: \"nmg.zjt\") { members { code } memberRule { kind } } }")
                .getList("data.organization.members")).isEmpty();
    }

    @Test
    void resolveOrganizationNamesUsesContextDateAndExposesTheSuccessor() {
        JsonPath resolved = post(TestTokens.planner("nmg"), """
                query($names: [String!]!) { resolveOrganizationNames(names: $names, contextCode: "nmg", asOf: "2016-12-15") {
                  input organization { code successor { code } } candidates { code } } }""",
                Map.of("names", List.of("住建厅（牵头）", "国土厅", "盟市政府", "各城市人民政府")));
        assertThat(resolved.getString("errors")).as(resolved.prettify()).isNull();
        assertThat(resolved.getString("data.resolveOrganizationNames[0].organization.code")).isEqualTo("nmg.zjt");
        assertThat(resolved.getString("data.resolveOrganizationNames[0].input")).isEqualTo("住建厅（牵头）");
        assertThat(resolved.getString("data.resolveOrganizationNames[1].organization.code")).isEqualTo("nmg.gtzyt");
        assertThat(resolved.getString("data.resolveOrganizationNames[1].organization.successor.code")).isEqualTo("nmg.zrzyt");
        assertThat(resolved.getString("data.resolveOrganizationNames[2].organization.code")).isEqualTo("nmg.mengshi-govs");
        assertThat(resolved.getString("data.resolveOrganizationNames[3].organization")).isNull();

        JsonPath later = query("{ resolveOrganizationNames(names: [\"国土厅\"], contextCode: \"nmg\", asOf: \"2021-09-03\") { organization { code } } }");
        assertThat(later.getString("data.resolveOrganizationNames[0].organization.code")).isEqualTo("nmg.zrzyt");
    }

    @Test
    void theSchemaPublishesTheSketchedNames() {
        String sdl = query("{ _service { sdl } }").getString("data._service.sdl");
        assertThat(sdl).contains("resolveOrganizationNames(", "type OrgNameMatch", "aliases: [String!]!", "predecessors: [Organization!]!",
                "ancestors: [Organization!]!", "updateOrganization(", "moveOrganization(", "deactivateOrganization(",
                "recordSuccession(", "createCollective(", "setCollectiveRule(", "auditLog(");
    }

    @Test
    void federationLookupOfAReferenceOrganizationIncludesTheNewFields() {
        String id = query("{ organization(code: \"nmg.fgw\") { id } }").getString("data.organization.id");
        JsonPath entities = post(TestTokens.viewer(), """
                query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { code aliases children { code } } } }""",
                Map.of("r", List.of(Map.of("__typename", "Organization", "id", id))));
        assertThat(entities.getString("errors")).isNull();
        assertThat(entities.getList("data._entities[0].aliases")).contains("发改委");
    }
}
