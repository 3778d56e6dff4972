package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.gateway.fakes.FakeSubgraph;
import gov.planning.gateway.fakes.FakeSubgraphsResource;
import gov.planning.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** {@code GET /ledger/**} through the gateway's origin, against the fake plan-service's {@code /ledger/**}. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeSubgraphsResource.class)
class LedgerProxyTest {

    private static final String ALLOWED = "http://localhost:5173"; // the default of CORS_ORIGINS
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @ConfigProperty(name = "planning.subgraphs.plan-service.url")
    String planUrl;

    @BeforeEach
    void resetFakes() {
        FakeSubgraph.reset(planUrl);
    }

    @Test
    void aPlansLedgerIsStreamedWholeWithTheCallersTokenAndPlanServicesChineseFileName() {
        String token = TestTokens.viewer();

        Response response = given().auth().oauth2(token).get("/ledger/plans/p1.xlsx");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(XLSX);
        assertThat(response.header("Content-Disposition")).isEqualTo(FakeSubgraphsResource.LEDGER_DISPOSITION)
                .contains("filename*=UTF-8''Plan%20A-%E5%8F%B0%E8%B4%A6-2026-12-05.xlsx");
        assertThat(response.asByteArray()).isEqualTo(FakeSubgraphsResource.ledgerBytes());
        List<Map<String, Object>> calls = FakeSubgraph.requests(planUrl);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsEntry("path", "/ledger/plans/p1.xlsx").containsEntry("authorization", "Bearer " + token);
        assertThat(calls.get(0).get("X-Request-Id")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void anAccountWithoutOrganizationGetsNoLedgerAndPlanServiceIsNotAsked() {
        Response response = given().auth().oauth2(TestTokens.token("gov.unknown.zhao", List.of("reporter"), List.of()))
                .get("/ledger/plans/p1.xlsx");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(response.jsonPath().getString("errors[0].message")).contains("待分配");
        assertThat(FakeSubgraph.requests(planUrl)).isEmpty();
    }

    @Test
    void theTaskListLedgerGetsItsFiltersAndAFileNameWhenPlanServiceGivesNone() {
        Response response = given().auth().oauth2(TestTokens.viewer()).urlEncodingEnabled(false)
                .get("/ledger/tasks.xlsx?health=RED&orgId=o2&q=%E4%BD%8F%E5%BB%BA");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).isEqualTo("PK-small");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"tasks.xlsx\"");
        assertThat(FakeSubgraph.requests(planUrl).get(0)).containsEntry("path", "/ledger/tasks.xlsx")
                .containsEntry("query", "health=RED&orgId=o2&q=%E4%BD%8F%E5%BB%BA");
    }

    @Test
    void refusalsKeepTheirStatusWithACodedJsonBodyAndNoInternals() {
        given().auth().oauth2(TestTokens.viewer()).get("/ledger/plans/p2.xlsx").then().statusCode(403)
                .contentType(containsString("application/json"))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body(org.hamcrest.Matchers.not(containsString("java.")))
                .body(org.hamcrest.Matchers.not(containsString("gov.planning")));
        given().auth().oauth2(TestTokens.viewer()).get("/ledger/plans/nope.xlsx").then().statusCode(404)
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        // plan-service's own coded error (e.g. a filter it refuses) is passed on as it is
        given().auth().oauth2(TestTokens.viewer()).get("/ledger/plans/bad.xlsx").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("计划编号无效"));
    }

    @Test
    void aRefusedFilterIsBadUserInputWithPlanServicesMessageButNeverItsStackTrace() {
        given().auth().oauth2(TestTokens.viewer()).get("/ledger/tasks.xlsx?health=PURPLE").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("health: 'PURPLE' is not one of [GREEN, YELLOW, RED, DONE]"));
        given().auth().oauth2(TestTokens.viewer()).get("/ledger/tasks.xlsx?health=CRASH").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body(org.hamcrest.Matchers.not(containsString("java.")));
    }

    @Test
    void aFailingPlanServiceIsABadGatewayWithoutItsErrorPage() {
        given().body("http500").post(planUrl.replace("/graphql", "/mode")).then().statusCode(200);

        given().auth().oauth2(TestTokens.viewer()).get("/ledger/plans/p1.xlsx").then().statusCode(502)
                .body("errors[0].extensions.code", equalTo("SUBGRAPH_BAD_RESPONSE"))
                .body(org.hamcrest.Matchers.not(containsString("IllegalStateException")));
    }

    @Test
    void anonymousAndForgedCallersGet401AtTheGatewayAndPlanServiceIsNotAsked() {
        given().get("/ledger/plans/p1.xlsx").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/ledger/plans/p1.xlsx").then().statusCode(401);

        assertThat(FakeSubgraph.requests(planUrl)).isEmpty();
    }

    @Test
    void aPathClimbingOutOfLedgerNeverReachesPlanService() {
        // resolved by the gateway before routing: its own health check and its own GET /graphql answer, not plan-service
        given().auth().oauth2(TestTokens.viewer()).urlEncodingEnabled(false).get("/ledger/%2e%2e/%2e%2e/q/health/live")
                .then().body("status", equalTo("UP"));
        given().auth().oauth2(TestTokens.viewer()).urlEncodingEnabled(false).get("/ledger/plans/%2E%2E/%2E%2E/graphql")
                .then().body("errors[0].extensions.code", equalTo("BAD_REQUEST"));

        assertThat(FakeSubgraph.requests(planUrl)).isEmpty();
    }

    @Test
    void aFrontendOnAnAllowedOriginMayDownloadAndReadTheFileName() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/ledger/plans/p1.xlsx").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Headers", containsString("authorization"));

        given().header("Origin", ALLOWED).auth().oauth2(TestTokens.viewer()).get("/ledger/plans/p1.xlsx").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Expose-Headers", containsString("Content-Disposition"));

        given().header("Origin", "https://evil.example").auth().oauth2(TestTokens.viewer()).get("/ledger/plans/p1.xlsx")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }
}
