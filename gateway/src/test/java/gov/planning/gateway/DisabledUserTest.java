package gov.planning.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import gov.planning.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The gateway asks Keycloak about each token (introspection) instead of trusting its signature until expiry, so a
 * user disabled by their department administrator is refused within the cache period; Keycloak is asked once per
 * token and period, not per request; roles and org_codes still reach the caller's identity from the token itself.
 * The fake OIDC server stands in for Keycloak's introspection endpoint.
 */
@QuarkusTest
@TestProfile(DisabledUserTest.Introspecting.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DisabledUserTest {

    private static final String INTROSPECT = "/auth/realms/quarkus/protocol/openid-connect/token/introspect";

    /** The production settings, with a cache period short enough for a test (8 s, swept every second). */
    public static class Introspecting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.token.require-jwt-introspection-only", "true",
                    "quarkus.oidc.credentials.secret", "test-secret",
                    "quarkus.oidc.token-cache.time-to-live", "8S",
                    "quarkus.oidc.token-cache.clean-up-timer-interval", "1S");
        }
    }

    @OidcWireMock
    WireMockServer keycloak;

    /** What Keycloak's introspection endpoint answers for this token from now on. */
    private void keycloakSays(String token, String username, boolean active) {
        long exp = System.currentTimeMillis() / 1000 + 300;
        String body = active
                ? "{\"active\":true,\"username\":\"" + username + "\",\"iss\":\"" + TestTokens.ISSUER + "\",\"exp\":" + exp + "}"
                : "{\"active\":false}";
        keycloak.stubFor(post(urlEqualTo(INTROSPECT)).withRequestBody(containing(token)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    private int introspectionsOf(String token) {
        return keycloak.findAll(postRequestedFor(urlEqualTo(INTROSPECT)).withRequestBody(containing(token))).size();
    }

    @Test
    void aTokenKeycloakStillVouchesForCarriesItsRolesAndOrganizationsAndIsAskedAboutOncePerPeriod() {
        String warmUp = TestTokens.token("warm.up", List.of("viewer"), List.of("nmg"));
        keycloakSays(warmUp, "warm.up", true);
        given().auth().oauth2(warmUp).get("/viewer").then().statusCode(200);
        String token = TestTokens.token("active.li", List.of("reporter"), List.of("nmg.zjt"));
        keycloakSays(token, "active.li", true);

        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get("/viewer").then().statusCode(200)
                    .body("username", equalTo("active.li"))
                    .body("roles", hasItem("reporter"))
                    .body("orgCodes", contains("nmg.zjt"));
        }
        // once per 8 s period: on a loaded machine the five requests may span a second period
        long periods = 1 + (System.nanoTime() - started) / 8_000_000_000L;
        assertThat(introspectionsOf(token)).isBetween(1, (int) Math.min(periods, 4));
    }

    @Test
    void aPendingAccountIsStillToldFromItsTokenWhenIntrospected() {
        String token = TestTokens.token("gov.unknown.qian", List.of("reporter"), List.of());
        keycloakSays(token, "gov.unknown.qian", true);
        given().auth().oauth2(token).contentType("application/json").body("{\"query\":\"{ organizations { totalCount } }\"}")
                .post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void aUserDisabledMeanwhileIsRefusedWithinTheCachePeriodWhileOthersGoOn() throws InterruptedException {
        String disabled = TestTokens.token("leaving.wang", List.of("reporter"), List.of("nmg.zjt"));
        String colleague = TestTokens.token("staying.zhao", List.of("reporter"), List.of("nmg.zjt"));
        keycloakSays(disabled, "leaving.wang", true);
        keycloakSays(colleague, "staying.zhao", true);
        given().auth().oauth2(disabled).get("/viewer").then().statusCode(200);
        given().auth().oauth2(colleague).get("/viewer").then().statusCode(200);

        // The department administrator disables the account: Keycloak now answers active=false for its token.
        keycloakSays(disabled, "leaving.wang", false);
        long changed = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - changed < Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(200);
            status = given().auth().oauth2(disabled).get("/viewer").then().extract().statusCode();
        }
        assertThat(status).isEqualTo(401);
        // TTL 8 s + sweep 1 s, with slack for a loaded machine; the token itself is valid for 5 minutes.
        assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(Duration.ofSeconds(20));
        given().auth().oauth2(disabled).contentType("application/json").body("{\"query\":\"{ organizations { totalCount } }\"}")
                .post("/graphql").then().statusCode(401);

        given().auth().oauth2(colleague).get("/viewer").then().statusCode(200).body("username", equalTo("staying.zhao"));
    }
}
