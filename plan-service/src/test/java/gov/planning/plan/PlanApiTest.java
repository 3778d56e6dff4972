package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PlanApiTest {

    private static final String ISSUER = FakeOrgTree.ids("nmg");
    private static final String CREATE = """
            mutation($input: PlanInput!) {
              createPlan(input: $input) { id title kind docNumber status version issuedOn periodStart periodEnd issuer { id } }
            }""";

    private static JsonPath create(String token, String title, String docNumber) {
        Map<String, Object> input = new HashMap<>(Map.of("title", title, "kind", "TASK_DIVISION", "issuerId", ISSUER,
                "issuedOn", "2014-10-01", "periodStart", 2014, "periodEnd", 2020));
        if (docNumber != null) {
            input.put("docNumber", docNumber);
        }
        return post(token, CREATE, Map.of("input", input));
    }

    @Test
    void plannerCreatesADraftPlanThatIsReadBackWithItsIssuerReference() {
        JsonPath created = create(TestTokens.planner("nmg"), "新型城镇化规划分工方案", "桂政办发〔2014〕94号");
        assertThat(created.getString("errors")).isNull();
        String id = created.getString("data.createPlan.id");
        assertThat(created.getString("data.createPlan.status")).isEqualTo("DRAFT");

        JsonPath read = post(TestTokens.viewer(), "query($id: ID!) { plan(id: $id) { title docNumber issuedOn periodStart issuer { id } } }",
                Map.of("id", id));
        assertThat(read.getString("data.plan.title")).isEqualTo("新型城镇化规划分工方案");
        assertThat(read.getString("data.plan.issuedOn")).isEqualTo("2014-10-01");
        assertThat(read.getString("data.plan.issuer.id")).isEqualTo(ISSUER);
    }

    @Test
    void viewerAndReporterCannotCreateAPlanAndNothingIsWritten() {
        assertThat(firstErrorCode(create(TestTokens.viewer(), "viewer 的计划", "测试〔2099〕1号"))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(create(TestTokens.reporter("nmg.zjt"), "reporter 的计划", "测试〔2099〕2号"))).isEqualTo("FORBIDDEN");
        JsonPath all = post(TestTokens.admin(), "{ plans(first: 500) { edges { node { docNumber } } } }");
        assertThat(all.getList("data.plans.edges.node.docNumber")).doesNotContain("测试〔2099〕1号", "测试〔2099〕2号");
    }

    @Test
    void sameDocumentNumberTwiceIsAConflict() {
        create(TestTokens.admin(), "甲", "测试〔2099〕3号");
        JsonPath again = create(TestTokens.admin(), "乙", "测试〔2099〕3号");
        assertThat(firstErrorCode(again)).isEqualTo("CONFLICT");
    }

    @Test
    void anIssuerOrgServiceDoesNotKnowIsRefusedNamingTheFieldAlsoForAnAdminAndNothingIsWritten() {
        String unknown = java.util.UUID.randomUUID().toString();
        JsonPath refused = post(TestTokens.admin(), CREATE, Map.of("input", Map.of("title", "无主方案", "kind", "PLAN",
                "docNumber", "测试〔2099〕4号", "issuerId", unknown)));

        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).isEqualTo("issuerId: org-service knows no organization " + unknown);
        JsonPath all = post(TestTokens.admin(), "{ plans(first: 500) { edges { node { docNumber } } } }");
        assertThat(all.getList("data.plans.edges.node.docNumber")).doesNotContain("测试〔2099〕4号");
    }

    @Test
    void emptyTitleIsBadUserInputNamingTheField() {
        JsonPath refused = create(TestTokens.admin(), "  ", null);
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("title");
    }

    @Test
    void plansArePagedWithOpaqueCursors() {
        for (int i = 0; i < 3; i++) {
            create(TestTokens.admin(), "分页 " + i, null);
        }
        JsonPath firstPage = post(TestTokens.viewer(), "{ plans(first: 2) { edges { node { id } } } }");
        assertThat(firstPage.getList("data.plans.edges")).hasSize(2);
        JsonPath bad = post(TestTokens.viewer(), "{ plans(first: 2, after: \"garbage\") { totalCount } }");
        assertThat(firstErrorCode(bad)).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void anonymousGraphQLCallGetsHttp401() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ plans { totalCount } }"))
                .when().post("/graphql").then().statusCode(401);
    }

    @Test
    void planIsAFederationEntityAndOrganizationOnlyAKeyReference() {
        String id = create(TestTokens.admin(), "实体", null).getString("data.createPlan.id");
        JsonPath entities = post(TestTokens.viewer(), "query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { title } } }",
                Map.of("r", java.util.List.of(Map.of("__typename", "Plan", "id", id))));
        assertThat(entities.getString("data._entities[0].title")).isEqualTo("实体");
        String sdl = post(TestTokens.viewer(), "{ _service { sdl } }").getString("data._service.sdl");
        assertThat(sdl).containsPattern("type Plan @key\\(fields ?: ?\"id\"\\)")
                // Organization stays a key reference: its id, plus only the fields plan-service contributes (tasks).
                .containsPattern("type Organization @key\\(fields ?: ?\"id\"\\) \\{\\s+id: ID!\\s+\"[^\"]*\"\\s+tasks\\([^)]*\\): TaskConnection!?\\s+}");
    }

    @Test
    void noFieldAnswersTheIssuerOfAPlanThatIsStillBeingImported() {
        // The import tells indicator-service the issuer itself (decision 0007); no services-only field remains.
        String sdl = post(TestTokens.viewer(), "{ _service { sdl } }").getString("data._service.sdl");
        assertThat(sdl).doesNotContain("planIssuer").doesNotContain("@inaccessible");
    }
}
