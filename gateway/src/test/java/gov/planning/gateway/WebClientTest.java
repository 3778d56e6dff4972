package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** What browser frontends rely on: GraphiQL served by the gateway without a token, and CORS for allowed origins. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebClientTest {

    private static final String ALLOWED = "http://localhost:5173"; // the default of CORS_ORIGINS

    @Test
    void graphiqlPageIsServedWithoutATokenAndPointsAtGraphql() {
        given().when().get("/graphiql").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("data-endpoint=\"/graphql\""))
                .body(containsString("<script src=\"/graphiql/graphiql.min.js\"></script>"))
                .body(not(containsString("://"))); // nothing from another host (no CDN)
        given().when().get("/graphiql/init.js").then().statusCode(200)
                .body(containsString("sessionStorage"))
                .body(containsString("'Bearer ' + token"));
    }

    @Test
    void graphiqlAssetsAreServedFromTheGatewayWithoutAToken() {
        for (String asset : new String[] { "graphiql.min.js", "graphiql.min.css", "react.production.min.js",
                "react-dom.production.min.js", "page.css", "licenses/graphiql-3.8.3.LICENSE" }) {
            given().when().get("/graphiql/" + asset).then().statusCode(200);
        }
        given().when().get("/graphiql/graphiql.min.js").then().contentType(containsString("javascript"));
        given().when().get("/graphiql/graphiql.min.css").then().contentType(containsString("text/css"));
    }

    @Test
    void corsPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("authorization"));
    }

    @Test
    void corsFromADisallowedOriginGetsNoAllowOrigin() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/graphql").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").when().get("/q/health/live").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anActualRequestFromAnAllowedOriginCarriesTheAllowOriginHeader() {
        given().header("Origin", ALLOWED).when().get("/q/health/live").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED));
    }
}
