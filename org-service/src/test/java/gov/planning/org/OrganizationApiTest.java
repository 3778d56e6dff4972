package gov.planning.org;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OrganizationApiTest {

    private static final String CREATE = """
            mutation($input: OrganizationInput!) {
              createOrganization(input: $input) { id code name kind level }
            }""";

    private static JsonPath create(String token, String code, String name, String parentCode) {
        var input = new java.util.HashMap<String, Object>(Map.of("code", code, "name", name, "kind", "DEPARTMENT", "level", "PROVINCE"));
        if (parentCode != null) {
            input.put("parentCode", parentCode);
        }
        return post(token, CREATE, Map.of("input", input));
    }

    @Test
    void adminCreatesAnOrganizationThatIsThenFoundByCodeAndByIdWithItsParent() {
        create(TestTokens.admin(), "t1", "测试自治区人民政府", null);
        JsonPath created = create(TestTokens.admin(), "t1.fgw", "测试自治区发展和改革委员会", "t1");
        assertThat(created.getString("errors")).isNull();
        assertThat(created.getString("data.createOrganization.code")).isEqualTo("t1.fgw");

        JsonPath read = post(TestTokens.viewer(), "{ organization(code: \"t1.fgw\") { name kind parent { code } } }");
        assertThat(read.getString("data.organization.name")).isEqualTo("测试自治区发展和改革委员会");
        assertThat(read.getString("data.organization.parent.code")).isEqualTo("t1");

        String id = created.getString("data.createOrganization.id");
        JsonPath byId = post(TestTokens.viewer(), "query($id: ID) { organization(id: $id) { code } }", Map.of("id", id));
        assertThat(byId.getString("errors")).isNull();
        assertThat(byId.getString("data.organization.code")).isEqualTo("t1.fgw");
        assertThat(post(TestTokens.viewer(), "{ organization(id: \"" + id + "\") { code } }").getString("data.organization.code"))
                .isEqualTo("t1.fgw");

        JsonPath children = post(TestTokens.viewer(), "{ organization(code: \"t1\") { children { code } } }");
        assertThat(children.getList("data.organization.children.code")).containsExactly("t1.fgw");
    }

    @Test
    void everyFieldOfAnOrganizationReadsAsWrittenAloneInASubtreeAndInASubtreesPage() {
        create(TestTokens.admin(), "t9", "字段测试厅", null);
        Map<String, Object> input = new java.util.HashMap<>(Map.of("code", "t9.a", "name", "字段测试处", "kind", "AGENCY",
                "level", "PREFECTURE", "parentCode", "t9", "shortName", "字段处", "aliases", List.of("甲处", "乙处"),
                "region", "测试市", "validFrom", "2019-01-02"));
        String id = post(TestTokens.admin(), CREATE, Map.of("input", input)).getString("data.createOrganization.id");
        create(TestTokens.admin(), "t9.b", "无别名处", "t9");
        String fields = "id code name shortName aliases kind level region validFrom validTo version";
        JsonPath read = post(TestTokens.viewer(), "{ organization(code: \"t9\") { descendants { %1$s } descendantPage(first: 1) { edges { node { %1$s } } } } }"
                .formatted(fields));
        assertThat(read.getString("errors")).isNull();
        Map<String, Object> expected = new java.util.HashMap<>(Map.of("id", id, "code", "t9.a", "name", "字段测试处",
                "shortName", "字段处", "aliases", List.of("甲处", "乙处"), "kind", "AGENCY", "level", "PREFECTURE", "region", "测试市",
                "validFrom", "2019-01-02"));
        expected.put("validTo", null);
        Map<String, Object> alone = post(TestTokens.viewer(), "{ organization(code: \"t9.a\") { %s } }".formatted(fields))
                .getMap("data.organization");
        assertThat(alone).containsAllEntriesOf(expected).containsKey("version");
        assertThat(read.getMap("data.organization.descendants[0]")).isEqualTo(alone);
        assertThat(read.getMap("data.organization.descendantPage.edges[0].node")).isEqualTo(alone);
        assertThat(read.getMap("data.organization.descendants[1]")).containsEntry("aliases", List.of()).containsEntry("shortName", null);
    }

    @Test
    void viewerCannotCreateAnOrganizationAndNothingIsWritten() {
        JsonPath refused = create(TestTokens.viewer(), "t2", "不应写入", null);
        assertThat(firstErrorCode(refused)).isEqualTo("FORBIDDEN");

        JsonPath read = post(TestTokens.admin(), "{ organization(code: \"t2\") { id } }");
        assertThat(read.getString("data.organization")).isNull();
    }

    @Test
    void duplicateCodeIsAConflictAndInvalidCodeIsRefusedWithoutAStackTrace() {
        create(TestTokens.admin(), "t3", "甲", null);
        JsonPath duplicate = create(TestTokens.admin(), "t3", "乙", null);
        assertThat(firstErrorCode(duplicate)).isEqualTo("CONFLICT");
        assertThat(duplicate.getString("errors[0].message")).contains("t3");

        JsonPath invalid = create(TestTokens.admin(), "Not A Code", "丙", null);
        assertThat(firstErrorCode(invalid)).as(invalid.prettify()).isEqualTo("BAD_USER_INPUT");
        assertThat(invalid.getString("errors[0].extensions.exception")).isNull();
        assertThat(post(TestTokens.admin(), "{ organizations(search: \"丙\", includeReplaced: true) { totalCount } }")
                .getInt("data.organizations.totalCount")).isZero();
    }

    @Test
    void unknownParentIsBadUserInput() {
        JsonPath refused = create(TestTokens.admin(), "t4", "丁", "no.such.parent");
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("no.such.parent");
    }

    @Test
    void anonymousGraphQLCallGetsHttp401() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ organizations { totalCount } }"))
                .when().post("/graphql").then().statusCode(401);
    }

    @Test
    void meReportsTheTokensUserRolesAndOrganizations() {
        create(TestTokens.admin(), "t5", "戊", null);
        JsonPath me = post(TestTokens.token("someone", List.of("reporter"), List.of("t5")),
                "{ me { username roles orgs { code } } }");
        assertThat(me.getString("data.me.username")).isEqualTo("someone");
        assertThat(me.getList("data.me.roles")).containsExactly("reporter");
        assertThat(me.getList("data.me.orgs.code")).containsExactly("t5");
    }

    @Test
    void federationResolvesManyRepresentationsInOneCallKeepingOrderAndNullForUnknown() {
        String a = create(TestTokens.admin(), "t6", "己", null).getString("data.createOrganization.id");
        String b = create(TestTokens.admin(), "t7", "庚", null).getString("data.createOrganization.id");
        String unknown = "00000000-0000-0000-0000-000000000000";
        JsonPath entities = post(TestTokens.viewer(), """
                query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id code } } }""",
                Map.of("r", List.of(Map.of("__typename", "Organization", "id", b), Map.of("__typename", "Organization", "id", unknown),
                        Map.of("__typename", "Organization", "id", a))));
        assertThat(entities.getString("errors")).isNull();
        assertThat(entities.getList("data._entities")).hasSize(3);
        assertThat(entities.getString("data._entities[0].code")).isEqualTo("t7");
        assertThat(entities.getString("data._entities[1]")).isNull();
        assertThat(entities.getString("data._entities[2].code")).isEqualTo("t6");
    }

    @Test
    void aThousandRepresentationsAreResolvedInOneCallFromTheTreesSnapshotAfterOneVersionCheck() {
        List<String> ids = post(TestTokens.viewer(), "{ organizations(first: 500, includeReplaced: true) { edges { node { id } } } }")
                .getList("data.organizations.edges.node.id");
        assertThat(ids).hasSizeGreaterThan(100);
        List<Map<String, Object>> representations = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            representations.add(Map.of("__typename", "Organization", "id", ids.get(i % ids.size())));
        }
        String query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id code name } } }";
        post(TestTokens.viewer(), query, Map.of("r", representations.subList(0, 1)));
        gov.planning.testing.SqlStatements.reset();

        JsonPath entities = post(TestTokens.viewer(), query, Map.of("r", representations));

        assertThat(entities.getString("errors")).isNull();
        assertThat(entities.getList("data._entities")).hasSize(1000);
        assertThat(entities.getString("data._entities[999].id")).isEqualTo(ids.get(999 % ids.size()));
        // Nothing written since the last read: the version check is the only statement.
        assertThat(gov.planning.testing.SqlStatements.calls("organization")).isEqualTo(1);
        assertThat(gov.planning.testing.SqlStatements.calls("organization_tree_version")).isEqualTo(1);
    }

    /**
     * Another replica of org-service, the reference data loader or an operator's SQL writes the table around this
     * instance: its snapshot of the tree must not hide that write from the next read.
     */
    @Test
    void aWriteAroundThisInstanceIsSeenByTheNextEntityLookupAndSubtree() throws java.sql.SQLException {
        create(TestTokens.admin(), "t20", "快照测试厅", null);
        String child = create(TestTokens.admin(), "t20.a", "快照测试处", "t20").getString("data.createOrganization.id");
        String subtree = "{ organization(code: \"t20\") { descendants { code } } }";
        String entity = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { name } } }";
        Map<String, Object> representation = Map.of("r", List.of(Map.of("__typename", "Organization", "id", child)));
        assertThat(post(TestTokens.viewer(), subtree).getList("data.organization.descendants.code")).containsExactly("t20.a");
        assertThat(post(TestTokens.viewer(), entity, representation).getString("data._entities[0].name")).isEqualTo("快照测试处");

        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (var connection = java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class)); var sql = connection.createStatement()) {
            sql.execute("UPDATE organization SET name = '快照测试二处' WHERE code = 't20.a'");
            sql.execute("""
                    INSERT INTO organization (id, code, name, kind, parent_id)
                    SELECT gen_random_uuid(), 't20.a.x', '快照测试科', 'DEPARTMENT', id FROM organization WHERE code = 't20.a'""");
        }

        assertThat(post(TestTokens.viewer(), subtree).getList("data.organization.descendants.code")).containsExactly("t20.a", "t20.a.x");
        assertThat(post(TestTokens.viewer(), entity, representation).getString("data._entities[0].name")).isEqualTo("快照测试二处");
    }

    @Test
    void fieldsOfOneRequestThatResolveConcurrentlyDoNotTripOverEachOther() {
        String a = create(TestTokens.admin(), "t8", "辛", null).getString("data.createOrganization.id");
        String b = create(TestTokens.admin(), "t8.x", "壬", "t8").getString("data.createOrganization.id");
        // What the gateway sends: several aliased entity fetches and lookups in one operation.
        JsonPath answer = post(TestTokens.viewer(), """
                query($r1: [_Any!]!, $r2: [_Any!]!) {
                  e1: _entities(representations: $r1) { ... on Organization { code children { code } } }
                  e2: _entities(representations: $r2) { ... on Organization { code parent { code } } }
                  byCode: organization(code: "t8") { code }
                  list: organizations(search: "t8") { edges { node { code history { action } } } }
                }""", Map.of("r1", List.of(Map.of("__typename", "Organization", "id", a)),
                "r2", List.of(Map.of("__typename", "Organization", "id", b))));
        assertThat(answer.getString("errors")).isNull();
        assertThat(answer.getString("data.e1[0].children[0].code")).isEqualTo("t8.x");
        assertThat(answer.getString("data.e2[0].parent.code")).isEqualTo("t8");
        assertThat(answer.getString("data.byCode.code")).isEqualTo("t8");
        assertThat(answer.getList("data.list.edges.node.code")).containsExactly("t8", "t8.x");
    }

    @Test
    void subgraphSdlDeclaresOrganizationAsAFederationV27Entity() {
        JsonPath sdl = post(TestTokens.viewer(), "{ _service { sdl } }");
        assertThat(sdl.getString("data._service.sdl"))
                .contains("https://specs.apollo.dev/federation/v2.7")
                .containsPattern("type Organization @key\\(fields ?: ?\"id\"\\)");
    }
}
