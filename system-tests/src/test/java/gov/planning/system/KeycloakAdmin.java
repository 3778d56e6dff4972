package gov.planning.system;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Keycloak's admin API as the platform's own service identity ({@code planning-services}) uses it, to look at what
 * org-service's group sync did and to add a user the way an administrator would.
 */
final class KeycloakAdmin {

    private final LocalPlatform platform;
    private final String token;

    KeycloakAdmin(LocalPlatform platform) throws IOException {
        this.platform = platform;
        String secret = Files.readString(platform.state.resolve("secrets/planning-services-client-secret")).strip();
        this.token = given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", "planning-services", "client_secret", secret))
                .when().post(platform.url("KEYCLOAK_PORT", "/realms/planning/protocol/openid-connect/token"))
                .then().statusCode(200).extract().path("access_token");
    }

    /** Waits (group sync runs after the write commits) for a group named {@code child} under the group {@code parent}. */
    String awaitChildGroup(String parent, String child) throws InterruptedException {
        String parentId = groupId(parent);
        for (int attempt = 0; attempt < 60; attempt++) {
            JsonPath children = get("/groups/" + parentId + "/children?briefRepresentation=false&max=10000");
            List<Map<String, Object>> groups = children.getList("$");
            for (Map<String, Object> group : groups) {
                if (child.equals(group.get("name"))) {
                    return (String) group.get("id");
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no Keycloak group " + child + " under " + parent + " after 30 s");
    }

    void createUserInGroup(String username, String groupId) {
        given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("username", username, "enabled", true, "emailVerified", true, "firstName", "System",
                        "lastName", "Test", "email", username + "@planning.local",
                        "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false))))
                .when().post(platform.url("KEYCLOAK_PORT", "/admin/realms/planning/users")).then().statusCode(201);
        String userId = get("/users?username=" + username + "&exact=true").getString("[0].id");
        given().auth().oauth2(token).when()
                .put(platform.url("KEYCLOAK_PORT", "/admin/realms/planning/users/" + userId + "/groups/" + groupId))
                .then().statusCode(204);
    }

    /** The HTTP status Keycloak answers the service account for {@code method} on the realm's admin {@code path}. */
    int status(String method, String path, Object body) {
        var request = given().contentType(ContentType.JSON).auth().oauth2(token);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, platform.url("KEYCLOAK_PORT", "/admin/realms/planning" + path)).then().extract().statusCode();
    }

    /** A GET on the realm's admin {@code path} as the service account. */
    JsonPath read(String path) {
        return get(path);
    }

    /** A GET on the realm's admin {@code path} as Keycloak's bootstrap administrator (kcadmin), who may read everything. */
    JsonPath readAsServerAdmin(String path) throws IOException {
        String password = Files.readString(platform.state.resolve("secrets/keycloak-admin-password")).strip();
        String admin = given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "kcadmin", "password", password))
                .when().post(platform.url("KEYCLOAK_PORT", "/realms/master/protocol/openid-connect/token"))
                .then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(admin).when().get(platform.url("KEYCLOAK_PORT", "/admin/realms/planning" + path))
                .then().statusCode(200).extract().jsonPath();
    }

    /** The id of the group named {@code name} wherever it is (Keycloak's exact search answers it inside its ancestors). */
    private String groupId(String name) {
        String found = findByName(get("/groups?exact=true&search=" + name).getList("$"), name);
        if (found == null) {
            throw new AssertionError("no Keycloak group " + name);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static String findByName(List<Map<String, Object>> level, String name) {
        for (Map<String, Object> group : level) {
            if (name.equals(group.get("name"))) {
                return (String) group.get("id");
            }
            String below = findByName((List<Map<String, Object>>) group.getOrDefault("subGroups", List.of()), name);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    /** Waits up to 30 s for the group's attribute {@code name} to read {@code value}; answers whether it did. */
    boolean awaitGroupAttribute(String groupId, String name, String value) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            if (value.equals(get("/groups/" + groupId).getString("attributes." + name + "[0]"))) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private JsonPath get(String path) {
        return given().auth().oauth2(token).when().get(platform.url("KEYCLOAK_PORT", "/admin/realms/planning" + path))
                .then().statusCode(200).extract().jsonPath();
    }
}
