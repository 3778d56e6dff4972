package gov.planning.org.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The client against a stand-in for Keycloak's admin API on a real socket, which holds one group (nmg.zjt under nmg)
 * whose id the test can change, as when the group is deleted and made again, and records every request.
 */
class KeycloakAdminClientGroupIdsTest {

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private volatile String zjtId = "g-1";
    private KeycloakAdminClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = new KeycloakAdminClient();
        client.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        client.realm = "planning";
        client.clientId = "planning-services";
        client.clientSecret = Optional.of("secret");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        int status = 200;
        String body;
        if (path.endsWith("/openid-connect/token")) {
            body = "{\"access_token\":\"t\",\"expires_in\":300}";
        } else {
            String search = query == null ? "" : java.util.Arrays.stream(query.split("&")).filter(p -> p.startsWith("search="))
                    .map(p -> "?" + p).findFirst().orElse("");
            requests.add(exchange.getRequestMethod() + " " + path.replace("/admin/realms/planning", "") + search);
            if (path.endsWith("/groups") && query != null && query.contains("search=nmg.zjt")) {
                body = """
                        [{"id":"g-nmg","name":"nmg","subGroups":[{"id":"%s","name":"nmg.zjt",
                          "attributes":{"org_code":["nmg.zjt"],"org_name":["住建厅"]},"subGroups":[]}]}]""".formatted(zjtId);
            } else if (path.endsWith("/groups")) {
                body = "[]";
            } else if (path.endsWith("/groups/" + zjtId + "/members")) {
                body = "[{\"id\":\"u-1\",\"username\":\"zjt.reporter\",\"email\":\"r@planning.local\",\"enabled\":true}]";
            } else if (path.endsWith("/members")) {
                status = 404;
                body = "{\"error\":\"Could not find group by id\"}";
            } else if (path.endsWith("/role-mappings/realm/composite")) {
                body = "[{\"name\":\"reporter\"}]";
            } else {
                status = 404;
                body = "{}";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void anOrganizationsGroupIsSearchedOnceThenItsMembersAreReadByTheRememberedId() {
        assertThat(client.members("nmg.zjt", Set.of("reporter"))).extracting(MemberDirectory.Member::username).containsExactly("zjt.reporter");
        assertThat(client.members("nmg.zjt", Set.of("reporter"))).hasSize(1);

        assertThat(requests).filteredOn(r -> r.contains("search=")).containsExactly("GET /groups?search=nmg.zjt");
        assertThat(requests).filteredOn(r -> r.endsWith("/members")).containsExactly("GET /groups/g-1/members", "GET /groups/g-1/members");
    }

    @Test
    void aGroupMadeAgainUnderANewIdIsSearchedAgainWhenKeycloakNoLongerKnowsTheRememberedOne() {
        client.members("nmg.zjt", Set.of("reporter"));
        zjtId = "g-2";
        requests.clear();

        assertThat(client.members("nmg.zjt", Set.of("reporter"))).extracting(MemberDirectory.Member::username).containsExactly("zjt.reporter");
        assertThat(requests).containsSubsequence("GET /groups/g-1/members", "GET /groups?search=nmg.zjt", "GET /groups/g-2/members");
    }

    @Test
    void anOrganizationWithoutAGroupCostsOneSearchAndNoWalkOfEveryGroup() {
        assertThat(client.members("nmg.none", Set.of("reporter"))).isEmpty();

        assertThat(requests).containsExactly("GET /groups?search=nmg.none");
    }

    @Test
    void findAnswersTheGroupWithItsParentAndAttributesFromOneSearch() {
        GroupDirectory.Group zjt = client.find("nmg.zjt");

        assertThat(zjt).isEqualTo(new GroupDirectory.Group("g-1", "nmg.zjt", "g-nmg", "nmg.zjt", "住建厅"));
        assertThat(requests).hasSize(1);
    }
}
