package gov.planning.org;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.SqlStatements;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The organization list as the staff screens use it: paging, sorting, filters, search and history. Each test builds its
 * own subtree (the database is shared by all test classes) and lists below it with {@code underCode}.
 */
@QuarkusTest
class OrganizationListApiTest {

    private static String create(String code, String name, String kind, String level, String parentCode, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(more);
        input.putAll(Map.of("code", code, "name", name, "kind", kind));
        if (level != null) {
            input.put("level", level);
        }
        if (parentCode != null) {
            input.put("parentCode", parentCode);
        }
        JsonPath created = post(TestTokens.admin(), "mutation($input: OrganizationInput!) { createOrganization(input: $input) { id } }",
                Map.of("input", input));
        assertThat(created.getString("errors")).as(created.prettify()).isNull();
        return created.getString("data.createOrganization.id");
    }

    private static String create(String code, String name, String kind, String level, String parentCode) {
        return create(code, name, kind, level, parentCode, Map.of());
    }

    /** The list with these arguments (GraphQL syntax), as the given user; errors fail the test. */
    private static JsonPath list(String token, String arguments) {
        JsonPath page = post(token, "{ organizations(" + arguments + ") { totalCount pageInfo { hasNextPage endCursor } "
                + "edges { cursor node { id code name } } } }");
        assertThat(page.getString("errors")).as(page.prettify()).isNull();
        return page;
    }

    private static List<String> codes(String arguments) {
        return list(TestTokens.viewer(), arguments).getList("data.organizations.edges.node.code");
    }

    private static JsonPath admin(String mutation, Map<String, Object> variables) {
        JsonPath done = post(TestTokens.admin(), mutation, variables);
        assertThat(done.getString("errors")).as(done.prettify()).isNull();
        return done;
    }

    @Test
    void pagesOfFiveWalkPastTheFirstPageAndListEachOfManySameNamedOrganizationsOnceInIdOrder() {
        create("lsp", "分页测试市人民政府", "GOVERNMENT", "PREFECTURE", null);
        for (int i = 0; i < 23; i++) {
            create("lsp.d" + i, "同名测试局", "DEPARTMENT", "PREFECTURE", "lsp");
        }
        for (String sortBy : List.of("NAME", "LEVEL", "KIND")) {
            List<String> ids = new ArrayList<>();
            String after = null;
            int pages = 0;
            boolean more;
            do {
                JsonPath page = list(TestTokens.viewer(), "underCode: \"lsp\", sortBy: " + sortBy + ", first: 5"
                        + (after == null ? "" : ", after: \"" + after + "\""));
                pages++;
                assertThat(page.getInt("data.organizations.totalCount")).isEqualTo(23);
                ids.addAll(page.getList("data.organizations.edges.node.id"));
                after = page.getString("data.organizations.pageInfo.endCursor");
                assertThat(after).isEqualTo(page.getString("data.organizations.edges[-1].cursor"));
                more = page.getBoolean("data.organizations.pageInfo.hasNextPage");
            } while (more);
            // Equal names (and levels, kinds) are ordered by id; a UUID's text sorts as PostgreSQL sorts the UUID.
            assertThat(ids).as(sortBy).hasSize(23).doesNotHaveDuplicates().isSorted();
            assertThat(pages).isEqualTo(5);
        }
        JsonPath all = list(TestTokens.viewer(), "underCode: \"lsp\", first: 23");
        assertThat(all.getBoolean("data.organizations.pageInfo.hasNextPage")).isFalse();
        JsonPath pastTheEnd = list(TestTokens.viewer(),
                "underCode: \"lsp\", first: 5, after: \"" + all.getString("data.organizations.pageInfo.endCursor") + "\"");
        assertThat(pastTheEnd.getList("data.organizations.edges")).isEmpty();
        assertThat(pastTheEnd.getInt("data.organizations.totalCount")).isEqualTo(23);
        assertThat(pastTheEnd.getBoolean("data.organizations.pageInfo.hasNextPage")).isFalse();
        assertThat(pastTheEnd.getString("data.organizations.pageInfo.endCursor")).isNull();
    }

    @Test
    void sortsByPinyinNameCodeKindLevelAndLastChangeEitherWay() {
        create("lss", "排序测试自治区人民政府", "GOVERNMENT", "PROVINCE", null);
        String bj = create("lss.bj", "北京路管理局", "DEPARTMENT", "PROVINCE", "lss");
        create("lss.ah", "安徽路管理局", "AGENCY", "PREFECTURE", "lss");
        create("lss.cz", "财政管理局", "GOVERNMENT", "COUNTY", "lss");
        create("lss.nl", "无级别办", "LEADING_GROUP", null, "lss");

        // Pinyin: an, bei, cai, wu (code point order would be 北 安 无 财).
        assertThat(codes("underCode: \"lss\", sortBy: NAME")).containsExactly("lss.ah", "lss.bj", "lss.cz", "lss.nl");
        assertThat(codes("underCode: \"lss\", sortBy: NAME, order: DESC")).containsExactly("lss.nl", "lss.cz", "lss.bj", "lss.ah");
        assertThat(codes("underCode: \"lss\"")).containsExactly("lss.ah", "lss.bj", "lss.cz", "lss.nl");
        assertThat(codes("underCode: \"lss\", sortBy: CODE, order: DESC")).containsExactly("lss.nl", "lss.cz", "lss.bj", "lss.ah");
        assertThat(codes("underCode: \"lss\", sortBy: KIND")).containsExactly("lss.cz", "lss.bj", "lss.ah", "lss.nl");
        assertThat(codes("underCode: \"lss\", sortBy: LEVEL")).containsExactly("lss.bj", "lss.ah", "lss.cz", "lss.nl");
        assertThat(codes("underCode: \"lss\", sortBy: LEVEL, order: DESC")).containsExactly("lss.cz", "lss.ah", "lss.bj", "lss.nl");

        admin("mutation($id: ID!) { updateOrganization(id: $id, version: 0, input: {shortName: \"北京路局\"}) { id } }", Map.of("id", bj));
        assertThat(codes("underCode: \"lss\", sortBy: UPDATED")).containsExactly("lss.bj", "lss.nl", "lss.cz", "lss.ah");
        assertThat(codes("underCode: \"lss\", sortBy: UPDATED, order: ASC")).containsExactly("lss.ah", "lss.cz", "lss.nl", "lss.bj");
    }

    @Test
    void filtersByKindLevelParentAnyDepthBelowAndValidity() {
        create("lsf", "筛选测试自治区人民政府", "GOVERNMENT", "PROVINCE", null);
        create("lsf.d1", "筛选厅", "DEPARTMENT", "PROVINCE", "lsf");
        String county = create("lsf.c1", "筛选县人民政府", "GOVERNMENT", "COUNTY", "lsf");
        create("lsf.c1.d2", "筛选县局", "DEPARTMENT", "COUNTY", "lsf.c1");
        create("lsf.c1.d2.x", "筛选县局站", "AGENCY", "COUNTY", "lsf.c1.d2");
        String ended = create("lsf.old", "已撤销厅", "DEPARTMENT", "PROVINCE", "lsf");
        create("lsf.pre", "改革前厅", "DEPARTMENT", "PROVINCE", "lsf");
        create("lsf.new", "将成立厅", "DEPARTMENT", "PROVINCE", "lsf", Map.of("validFrom", "2199-01-01"));
        admin("mutation($id: ID!) { deactivateOrganization(id: $id, validTo: \"2020-01-01\") { id } }", Map.of("id", ended));
        admin("mutation { recordSuccession(predecessorCode: \"lsf.pre\", successorCode: \"lsf.d1\", date: \"2020-01-01\") { id } }", Map.of());

        assertThat(codes("underCode: \"lsf\"")).containsExactly("lsf.c1", "lsf.c1.d2", "lsf.c1.d2.x", "lsf.d1");
        assertThat(codes("under: \"" + county + "\"")).containsExactly("lsf.c1.d2", "lsf.c1.d2.x");
        assertThat(codes("parentCode: \"lsf\"")).containsExactly("lsf.c1", "lsf.d1");
        assertThat(codes("underCode: \"lsf\", kind: DEPARTMENT")).containsExactly("lsf.c1.d2", "lsf.d1");
        assertThat(codes("underCode: \"lsf\", level: COUNTY")).containsExactly("lsf.c1", "lsf.c1.d2", "lsf.c1.d2.x");
        assertThat(codes("underCode: \"lsf\", includeReplaced: true"))
                .containsExactly("lsf.c1", "lsf.c1.d2", "lsf.c1.d2.x", "lsf.d1", "lsf.new", "lsf.old", "lsf.pre");
        assertThat(codes("underCode: \"no.such.org\"")).isEmpty();
        assertThat(codes("parentCode: \"no.such.org\"")).isEmpty();
    }

    @Test
    void rootsListsTheTopsOfTheTreeAndNothingBelowThem() {
        create("ltop", "树顶测试自治区人民政府", "GOVERNMENT", "PROVINCE", null);
        create("ltop.d1", "树顶测试厅", "DEPARTMENT", "PROVINCE", "ltop");
        create("ltop.c1", "树顶测试县人民政府", "GOVERNMENT", "COUNTY", "ltop");

        JsonPath roots = post(TestTokens.viewer(), "{ organizations(roots: true, first: 500) { totalCount edges { node { code parent { code } } } } }");
        assertThat(roots.getString("errors")).as(roots.prettify()).isNull();
        List<String> codes = roots.getList("data.organizations.edges.node.code");
        assertThat(codes).contains("ltop").doesNotContain("ltop.d1", "ltop.c1");
        assertThat(roots.getList("data.organizations.edges.node.parent")).containsOnlyNulls();
        assertThat(roots.getInt("data.organizations.totalCount")).isEqualTo(codes.size());
        assertThat(codes("roots: true, search: \"树顶测试\"")).containsExactly("ltop");
    }

    @Test
    void unusableArgumentsAreBadUserInputNamingTheArgument() {
        String id = create("lsb", "参数测试局", "DEPARTMENT", "PROVINCE", null);
        Map<String, String> refused = Map.of(
                "under: \"" + id + "\", underCode: \"lsb\"", "underCode",
                "under: \"not-an-id\"", "under",
                "after: \"garbage\"", "after",
                "first: 501", "first",
                "search: \"" + "长".repeat(101) + "\"", "search");
        refused.forEach((arguments, field) -> {
            JsonPath answer = post(TestTokens.viewer(), "{ organizations(" + arguments + ") { totalCount } }");
            assertThat(firstErrorCode(answer)).as(arguments).isEqualTo("BAD_USER_INPUT");
            assertThat(answer.getString("errors[0].message")).as(arguments).contains(field);
        });
    }

    @Test
    void searchFindsSubstringsOfNamesShortNamesAliasesAndCodes() {
        assertThat(codes("search: \"住建\", first: 500")).contains("nmg.zjt", "gx.zjt");
        assertThat(codes("search: \"城乡建设\", first: 500")).contains("nmg.zjt").doesNotContain("nmg.fgw");
        assertThat(codes("search: \"自然资源\", first: 500")).contains("nmg.zrzyt", "gx.zrzyt", "sl.zrzyj");
        assertThat(codes("search: \"NMG.ZJ\"")).containsExactly("nmg.zjt");

        create("lsq", "甲乙丙丁局", "DEPARTMENT", "PROVINCE", null, Map.of("shortName", "简称戊己"));
        create("lsq.x", "庚辛管理站", "AGENCY", "PROVINCE", "lsq", Map.of("aliases", List.of("别名壬癸站")));
        assertThat(codes("search: \"戊己\"")).containsExactly("lsq");
        assertThat(codes("search: \"壬癸\"")).containsExactly("lsq.x");
        assertThat(codes("search: \"乙丙\"")).containsExactly("lsq");
    }

    @Test
    void searchByAHistoricalNameFindsTheBodyThatTookOver() {
        List<String> current = codes("search: \"国土资源\", first: 500");
        assertThat(current).contains("nmg.zrzyt", "gx.zrzyt").doesNotContain("nmg.gtzyt", "gx.gtzyt");
        assertThat(codes("search: \"国土资源\", includeReplaced: true, first: 500"))
                .contains("nmg.zrzyt", "gx.zrzyt", "nmg.gtzyt", "gx.gtzyt");
        // Two reforms back: 文化厅 → 文化和旅游厅 in the reference data; a later merger follows the chain.
        create("lsr", "改革测试文化和旅游厅", "DEPARTMENT", "PROVINCE", null);
        create("lsr2", "改革测试文化旅游体育厅", "DEPARTMENT", "PROVINCE", null);
        create("lsr0", "改革测试文化厅", "DEPARTMENT", "PROVINCE", null);
        admin("mutation { recordSuccession(predecessorCode: \"lsr0\", successorCode: \"lsr\", date: \"2018-11-12\") { id } }", Map.of());
        admin("mutation { recordSuccession(predecessorCode: \"lsr\", successorCode: \"lsr2\", date: \"2024-01-01\") { id } }", Map.of());
        assertThat(codes("search: \"改革测试文化厅\"")).containsExactly("lsr2");
    }

    @Test
    void idsNameTheOrganizationsAScreenHoldsIncludingAReplacedOneInOneSqlStatement() {
        String kept = create("lsi", "编号查名测试局", "DEPARTMENT", "PROVINCE", null);
        String old = create("lsi0", "编号查名旧局", "DEPARTMENT", "PROVINCE", null);
        create("lsi.x", "编号查名无关站", "AGENCY", "PROVINCE", "lsi");
        admin("mutation { recordSuccession(predecessorCode: \"lsi0\", successorCode: \"lsi\", date: \"2020-01-01\") { id } }", Map.of());
        String ids = "ids: [\"" + kept + "\", \"" + old + "\"]";

        SqlStatements.reset();
        assertThat(codes(ids + ", includeReplaced: true")).containsExactly("lsi", "lsi0");
        assertThat(SqlStatements.calls("FROM matched")).isEqualTo(1);
        assertThat(codes(ids)).as("a replaced body only with includeReplaced").containsExactly("lsi");

        JsonPath bad = post(TestTokens.viewer(), "{ organizations(ids: [\"nmg.zjt\"]) { totalCount } }");
        assertThat(firstErrorCode(bad)).isEqualTo("BAD_USER_INPUT");
        assertThat(bad.getString("errors[0].message")).contains("ids");
    }

    @Test
    void likeWildcardsInASearchMatchOnlyThemselves() {
        create("lsw", "通配测试局", "DEPARTMENT", "PROVINCE", null);
        create("lsw.p", "达标率100%办", "AGENCY", "PROVINCE", "lsw");
        create("lsw.x", "达标率100X办", "AGENCY", "PROVINCE", "lsw");
        create("lsw.u", "下划_线站", "AGENCY", "PROVINCE", "lsw");
        create("lsw.v", "下划X线站", "AGENCY", "PROVINCE", "lsw");

        assertThat(codes("underCode: \"lsw\", search: \"100%\"")).containsExactly("lsw.p");
        assertThat(codes("underCode: \"lsw\", search: \"划_线\"")).containsExactly("lsw.u");
        assertThat(codes("underCode: \"lsw\", search: \"%\"")).containsExactly("lsw.p");
        assertThat(codes("underCode: \"lsw\", search: \"_\"")).containsExactly("lsw.u");
    }

    @Test
    void listAndSearchCostTheSameFewSqlStatementsForFourOrThirtyOrganizations() {
        create("lsn", "语句计数测试局", "DEPARTMENT", "PROVINCE", null);
        for (int i = 0; i < 4; i++) {
            create("lsn.a" + i, "增长测试站" + i, "AGENCY", "PROVINCE", "lsn");
        }
        String whole = "{ organizations(underCode: \"lsn\", first: 100) { totalCount edges { node { code parent { code } history { action } } } } }";
        String search = "{ organizations(search: \"增长测试\", sortBy: NAME, first: 3) { totalCount edges { node { code parent { code } history { action } } } } }";
        long[] few = { statements(whole, 4), statements(search, 4) };
        for (int i = 4; i < 30; i++) {
            create("lsn.a" + i, "增长测试站" + i, "AGENCY", "PROVINCE", "lsn");
        }
        long[] many = { statements(whole, 30), statements(search, 30) };

        // The page with its total, the parents of the whole page, the histories of the whole page.
        assertThat(few).containsExactly(3, 3);
        assertThat(many).containsExactly(3, 3);
    }

    private static long statements(String query, int expectedTotal) {
        SqlStatements.reset();
        JsonPath answer = post(TestTokens.viewer(), query);
        assertThat(answer.getString("errors")).as(answer.prettify()).isNull();
        assertThat(answer.getInt("data.organizations.totalCount")).isEqualTo(expectedTotal);
        assertThat(SqlStatements.calls("FROM matched")).isEqualTo(1);
        // The histories come from the audit trail, whose statement names the entity type as a parameter.
        return SqlStatements.calls("organization") + SqlStatements.calls("FROM audit_trail");
    }

    @Test
    void historyListsEveryAuditedWriteNewestFirstWithItsChangedFieldsForAnyReader() {
        String id = create("lsh", "历史测试局", "DEPARTMENT", "PROVINCE", null);
        admin("mutation($id: ID!) { updateOrganization(id: $id, version: 0, input: {name: \"历史测试新局\", aliases: [\"历史局\"]}) { id } }",
                Map.of("id", id));
        admin("mutation($id: ID!) { deactivateOrganization(id: $id, validTo: \"2030-01-01\") { id } }", Map.of("id", id));

        JsonPath history = post(TestTokens.reporter("nmg"),
                "{ organization(code: \"lsh\") { history { at actor action changes { field before after } } } }");
        assertThat(history.getString("errors")).as(history.prettify()).isNull();
        assertThat(history.getList("data.organization.history.action")).containsExactly("DEACTIVATE", "UPDATE", "CREATE");
        assertThat(history.getList("data.organization.history.actor")).containsOnly("admin");
        assertThat(history.getList("data.organization.history[0].changes.field")).containsExactly("validTo");
        assertThat(history.getString("data.organization.history[0].changes[0].after")).isEqualTo("2030-01-01");
        assertThat(history.getList("data.organization.history[1].changes.field")).containsExactly("aliases", "name");
        assertThat(history.getString("data.organization.history[1].changes[1].before")).isEqualTo("历史测试局");
        assertThat(history.getString("data.organization.history[1].changes[1].after")).isEqualTo("历史测试新局");
        assertThat(history.getList("data.organization.history[2].changes.field")).contains("code", "name", "kind")
                .doesNotContain("id", "version");

        JsonPath reference = post(TestTokens.viewer(), "{ organization(code: \"nmg.zjt\") { history { actor action } } }");
        assertThat(reference.getList("data.organization.history.actor")).isNotEmpty().containsOnly("reference-data");
    }
}
