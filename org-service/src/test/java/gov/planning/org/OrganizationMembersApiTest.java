package gov.planning.org;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

/** organizationMembers: the members of an organization's group with given roles, for the service identity and admins. */
@QuarkusTest
class OrganizationMembersApiTest {

    @Inject
    FakeMembers members;

    private static final String QUERY = """
            query($ids: [String!]!, $roles: [String!]!) {
              organizationMembers(ids: $ids, roles: $roles) { id code name members { username email roles } }
            }""";

    /** A client-credentials token of the platform's service account, as Keycloak issues it (azp = the client). */
    static String serviceToken() {
        return Jwt.preferredUserName("service-account-planning-services").subject("service-account-planning-services")
                .issuer(TestTokens.ISSUER).audience("account").claim("azp", "planning-services")
                .claim("realm_access", Map.of("roles", List.of("default-roles-planning"))).sign();
    }

    private static String idOf(String code) {
        return post(TestTokens.admin(), "query($c: String) { organization(code: $c) { id } }", Map.of("c", code))
                .getString("data.organization.id");
    }

    @Test
    void theServiceIdentityReadsTheReportersOfAnOrganization() {
        String zjt = idOf("nmg.zjt");
        JsonPath answer = post(serviceToken(), QUERY, Map.of("ids", List.of(zjt, idOf("nmg")), "roles", List.of("reporter")));

        assertThat(answer.getString("errors")).isNull();
        assertThat(answer.getList("data.organizationMembers.code")).containsExactlyInAnyOrder("nmg.zjt", "nmg");
        Map<String, Object> members = answer.getMap("data.organizationMembers.find { it.code == 'nmg.zjt' }");
        assertThat(members.get("id")).isEqualTo(zjt);
        assertThat(answer.getList("data.organizationMembers.find { it.code == 'nmg.zjt' }.members.username")).containsExactly("zjt.reporter");
        assertThat(answer.getList("data.organizationMembers.find { it.code == 'nmg.zjt' }.members.email"))
                .containsExactly("zjt.reporter@planning.local");
        assertThat(answer.getList("data.organizationMembers.find { it.code == 'nmg' }.members")).isEmpty();
    }

    @Test
    void anAdminMayAskButPlannersReportersAndViewersMayNot() {
        Map<String, Object> vars = Map.of("ids", List.of(idOf("nmg.zjt")), "roles", List.of("reporter", "planner"));
        assertThat(post(TestTokens.admin(), QUERY, vars).getList("data.organizationMembers[0].members.username"))
                .containsExactlyInAnyOrder("zjt.reporter", "zjt.planner");
        assertThat(firstErrorCode(post(TestTokens.planner("nmg"), QUERY, vars))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(post(TestTokens.reporter("nmg.zjt"), QUERY, vars))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(post(TestTokens.viewer(), QUERY, vars))).isEqualTo("FORBIDDEN");
    }

    @Test
    void theMembersOfManyOrganizationsAreReadAFewAtATimeAndAnsweredForEach() {
        List<String> codes = List.of("nmg", "nmg.zjt", "nmg.gat", "nmg.fgw", "nmg.jyt", "nmg.czt", "nmg.zrzyt", "nmg.mzt");
        List<String> ids = codes.stream().map(OrganizationMembersApiTest::idOf).toList();
        assertThat(ids).doesNotContainNull();
        members.mostAtOnceSinceLastAsked();

        JsonPath answer = post(serviceToken(), QUERY, Map.of("ids", ids, "roles", List.of("reporter")));

        assertThat(answer.getString("errors")).isNull();
        assertThat(answer.getList("data.organizationMembers.code")).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(answer.getList("data.organizationMembers.find { it.code == 'nmg.zjt' }.members.username")).containsExactly("zjt.reporter");
        // Keycloak's member reads are slow one by one at a province's scale (the daily reminder scan asks thousands):
        // several at once, at most planning.keycloak.concurrent-reads (4).
        assertThat(members.mostAtOnceSinceLastAsked()).isBetween(2, 4);
    }
}
