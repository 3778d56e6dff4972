package gov.planning.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Posts GraphQL operations to the service under test the way a client does: JSON over HTTP with a bearer token. */
public final class GraphQLClient {

    private GraphQLClient() {
    }

    public static JsonPath post(String token, String query) {
        return post(token, query, Map.of());
    }

    public static JsonPath post(String token, String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** The {@code extensions.code} of the first error, or null when the response has no error. */
    public static String firstErrorCode(JsonPath response) {
        return response.getString("errors[0].extensions.code");
    }
}
