package gov.planning.indicator;

import static gov.planning.indicator.FakeOrgTree.ids;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.row;
import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.planning.indicator.security.ImportedPlanIssuer;
import gov.planning.testing.GraphQLClient;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

/**
 * plan-service's import writes indicators of a plan it has not shown yet (decision 0007): it states the plan's issuer,
 * vouched for by its service identity's token, and the importing user is checked against that issuer like any write.
 * The plans here are unknown to {@link FakePlanIssuers}, as a hidden plan is to plan-service.
 */
@QuarkusTest
class ImportedPlanIssuerApiTest {

    private static final Map<String, Object> INPUT = indicator("营造林面积", "万亩", "AT_LEAST", 0.0, 2020, 1000, 2025);

    /** plan-service's access token: Keycloak's client-credentials token of planning-services ({@code azp}). */
    private static String planServiceToken() {
        return Jwt.subject("service-account-planning-services").issuer(TestTokens.ISSUER).audience("account")
                .claim("azp", "planning-services").claim("realm_access", Map.of("roles", List.of())).sign();
    }

    /** A write as plan-service's import sends it: the user's token, the stated issuer and (if given) a service token. */
    private static JsonPath asImport(String user, String plan, String issuer, String serviceToken, String query, Map<String, Object> variables) {
        var request = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + user)
                .header(ImportedPlanIssuer.PLAN_ISSUER_HEADER, plan + " " + issuer);
        if (serviceToken != null) {
            request = request.header(ImportedPlanIssuer.SERVICE_TOKEN_HEADER, serviceToken);
        }
        return request.body(Map.of("query", query, "variables", variables)).when().post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> indicatorsOf(String planId) {
        return GraphQLClient.post(TestTokens.viewer(), "query($p: ID!) { indicators(planId: $p) { edges { node { id } } } }", Map.of("p", planId))
                .getList("data.indicators.edges.node.id");
    }

    @Test
    void aPlannersImportWritesIndicatorsTargetsAndTakesThemBackUnderTheIssuerPlanServiceStates() {
        String hidden = UUID.randomUUID().toString();
        String planner = TestTokens.planner("nmg");
        JsonPath created = asImport(planner, hidden, ids("nmg"), planServiceToken(), Fixtures.CREATE, Map.of("planId", hidden, "input", INPUT));
        assertThat(created.getString("errors")).isNull();
        String id = created.getString("data.createIndicator.id");

        Map<String, Object> targets = new HashMap<>();
        targets.put("id", id);
        targets.put("period", "2025");
        targets.put("rows", List.of(row(ids("nmg.hhht"), 600), row(ids("nmg.chifeng"), 400)));
        targets.put("total", 1000.0);
        targets.put("unit", "万亩");
        assertThat(asImport(planner, hidden, ids("nmg"), planServiceToken(), Fixtures.SET_TARGETS, targets).getString("errors")).isNull();
        // The territory is the stated issuer's: a region of another province is refused.
        targets.put("rows", List.of(row(ids("gx.zjt"), 1000)));
        assertThat(firstErrorCode(asImport(planner, hidden, ids("nmg"), planServiceToken(), Fixtures.SET_TARGETS, targets)))
                .isEqualTo("BAD_USER_INPUT");

        assertThat(asImport(planner, hidden, ids("nmg"), planServiceToken(), "mutation($id: ID!) { deleteIndicator(id: $id) }", Map.of("id", id))
                .getString("errors")).isNull();
        assertThat(indicatorsOf(hidden)).isEmpty();
    }

    @Test
    void withoutTheStatementAPlanPlanServiceDoesNotShowIsUnknown() {
        String hidden = UUID.randomUUID().toString();
        JsonPath answer = GraphQLClient.post(TestTokens.planner("nmg"), Fixtures.CREATE, Map.of("planId", hidden, "input", INPUT));
        assertThat(firstErrorCode(answer)).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.getString("errors[0].message")).contains("plan-service knows no plan " + hidden);
        assertThat(indicatorsOf(hidden)).isEmpty();
    }

    @Test
    void theStatedIssuerStillHoldsTheImportingPlannerToTheirOrganization() {
        String hidden = UUID.randomUUID().toString();
        JsonPath answer = asImport(TestTokens.planner("gx"), hidden, ids("nmg"), planServiceToken(), Fixtures.CREATE,
                Map.of("planId", hidden, "input", INPUT));
        assertThat(firstErrorCode(answer)).isEqualTo("FORBIDDEN");
        assertThat(answer.getString("errors[0].message")).contains("planner.gx").contains(ids("nmg"));
        assertThat(indicatorsOf(hidden)).isEmpty();
    }

    @Test
    void anIssuerStatedWithoutPlanServicesOwnTokenIsRefusedAndNothingIsWritten() {
        String hidden = UUID.randomUUID().toString();
        String planner = TestTokens.planner("nmg");
        Map<String, Object> variables = Map.of("planId", hidden, "input", INPUT);
        // no service token; the user's own token; a token of another client; not a token at all
        String otherClient = Jwt.subject("someone").issuer(TestTokens.ISSUER).audience("account").claim("azp", "planning-web")
                .claim("realm_access", Map.of("roles", List.of("planner"))).sign();
        for (String serviceToken : new String[] { null, planner, otherClient, "not-a-token" }) {
            JsonPath answer = asImport(planner, hidden, ids("nmg"), serviceToken, Fixtures.CREATE, variables);
            assertThat(firstErrorCode(answer)).as(String.valueOf(serviceToken)).isEqualTo("FORBIDDEN");
            // One fixed answer: why the token failed verification stays in the log.
            assertThat(answer.getString("errors[0].message")).isEqualTo(ImportedPlanIssuer.REFUSED);
        }
        assertThat(indicatorsOf(hidden)).isEmpty();
    }
}
