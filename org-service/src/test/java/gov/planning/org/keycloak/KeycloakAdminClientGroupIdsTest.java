package gov.planning.org.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

import gov.planning.org.keycloak.KeycloakStandIn.Answer;

/**
 * The client against a stand-in for Keycloak's admin API on a real socket, which holds one group (nmg.zjt under nmg)
 * whose id the test can change, as when the group is deleted and made again, and records every request.
 */
class KeycloakAdminClientGroupIdsTest {

    private KeycloakStandIn keycloak;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile String zjtId = "g-1";
    private KeycloakAdminClient client;

    @BeforeEach
    void start() throws IOException {
        keycloak = new KeycloakStandIn(1, this::answer);
        client = keycloak.client;
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    private Answer answer(HttpExchange exchange) {
        String path = KeycloakStandIn.adminPath(exchange);
        String query = exchange.getRequestURI().getQuery();
        String search = query == null ? "" : java.util.Arrays.stream(query.split("&")).filter(p -> p.startsWith("search="))
                .map(p -> "?" + p).findFirst().orElse("");
        requests.add(exchange.getRequestMethod() + " " + path + search);
        if (path.endsWith("/groups") && query != null && query.contains("search=nmg.zjt")) {
            return Answer.ok("""
                    [{"id":"g-nmg","name":"nmg","subGroups":[{"id":"%s","name":"nmg.zjt",
                      "attributes":{"org_code":["nmg.zjt"],"org_name":["住建厅"]},"subGroups":[]}]}]""".formatted(zjtId));
        } else if (path.endsWith("/groups")) {
            return Answer.ok("[]");
        } else if (path.endsWith("/groups/" + zjtId + "/members")) {
            return Answer.ok("[{\"id\":\"u-1\",\"username\":\"zjt.reporter\",\"email\":\"r@planning.local\",\"enabled\":true}]");
        } else if (path.endsWith("/members")) {
            return new Answer(404, "{\"error\":\"Could not find group by id\"}");
        } else if (path.endsWith("/role-mappings/realm/composite")) {
            return Answer.ok("[{\"name\":\"reporter\"}]");
        }
        return new Answer(404, "{}");
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
