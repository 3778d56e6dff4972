package gov.planning.org;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.org.naming.OrgDirectory;
import gov.planning.org.staff.PendingAccounts;
import gov.planning.org.staff.ReformMoves;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Department administrators (role org-admin) manage the staff of their own organization and below, nothing else. */
@QuarkusTest
class StaffApiTest {

    private static final String MEMBER = "{ username firstName lastName email enabled roles organizationCodes admin }";
    private static final String MEMBERS = "query($o: ID!) { staffMembers(organizationId: $o) " + MEMBER + " }";
    private static final String ADD = "mutation($o: ID!, $in: NewStaffMember!) { addStaffMember(organizationId: $o, input: $in) " + MEMBER + " }";
    private static final String ROLES = "mutation($o: ID!, $u: String!, $r: [StaffRole!]!) { setStaffRoles(organizationId: $o, username: $u, roles: $r) " + MEMBER + " }";
    private static final String DISABLE = "mutation($o: ID!, $u: String!) { disableStaffMember(organizationId: $o, username: $u) " + MEMBER + " }";
    private static final String MOVE = "mutation($u: String!, $f: ID!, $t: ID!) { moveStaffMember(username: $u, fromOrganizationId: $f, toOrganizationId: $t) " + MEMBER + " }";
    private static final String PENDING = "{ pendingAccounts { account { username roles organizationCodes } claimedOrganizationCode "
            + "claimedOrganizationName suggestedOrganizationId suggestedOrganizationName } }";
    private static final String HISTORY = "query($o: ID!) { staffHistory(organizationId: $o) { actor action username changes { field before after } } }";

    @Inject
    FakeStaff keycloak;

    @Inject
    PendingAccounts pendingAccounts;

    @Inject
    ReformMoves reformMoves;

    @Inject
    OrgDirectory organizations;

    @BeforeEach
    void freshKeycloak() {
        keycloak.reset();
        // What the background rescan does every few minutes: the table then names the accounts waiting.
        pendingAccounts.rescan();
        keycloak.fullScans = 0;
    }

    static String orgAdmin(String orgCode) {
        return TestTokens.token("chief." + orgCode, List.of("org-admin"), List.of(orgCode));
    }

    private static String idOf(String code) {
        return post(TestTokens.admin(), "query($c: String) { organization(code: $c) { id } }", Map.of("c", code))
                .getString("data.organization.id");
    }

    private static Map<String, Object> newColleague(String username, String... roles) {
        Map<String, Object> input = new HashMap<>();
        input.put("username", username);
        input.put("firstName", "小明");
        input.put("lastName", "王");
        input.put("email", username + "@zjt.example");
        input.put("temporaryPassword", "Change-me-1");
        input.put("roles", List.of(roles));
        return input;
    }

    @Test
    void aDepartmentAdministratorListsTheirOwnMembers() {
        JsonPath answer = post(orgAdmin("nmg.zjt"), MEMBERS, Map.of("o", idOf("nmg.zjt")));

        assertThat(answer.getString("errors")).isNull();
        assertThat(answer.getList("data.staffMembers.username")).containsExactly("zjt.chief", "zjt.reporter");
        assertThat(answer.getList("data.staffMembers.find { it.username == 'zjt.reporter' }.roles")).containsExactly("REPORTER");
        assertThat(answer.getList("data.staffMembers.find { it.username == 'zjt.chief' }.roles")).containsExactly("ORG_ADMIN");
    }

    @Test
    void aDepartmentAdministratorAddsANewColleagueWithARoleAndTheChangeIsAudited() {
        String zjt = idOf("nmg.zjt");
        JsonPath added = post(orgAdmin("nmg.zjt"), ADD, Map.of("o", zjt, "in", newColleague("wang.xm", "REPORTER")));

        assertThat(added.getString("errors")).isNull();
        assertThat(added.getList("data.addStaffMember.organizationCodes")).containsExactly("nmg.zjt");
        assertThat(added.getList("data.addStaffMember.roles")).containsExactly("REPORTER");
        assertThat(post(orgAdmin("nmg.zjt"), MEMBERS, Map.of("o", zjt)).getList("data.staffMembers.username")).contains("wang.xm");

        JsonPath history = post(orgAdmin("nmg.zjt"), HISTORY, Map.of("o", zjt));
        assertThat(history.getString("data.staffHistory[0].actor")).isEqualTo("chief.nmg.zjt");
        assertThat(history.getString("data.staffHistory[0].action")).isEqualTo("CREATE");
        assertThat(history.getString("data.staffHistory[0].username")).isEqualTo("wang.xm");
        assertThat(history.getString("data.staffHistory[0].changes.find { it.field == 'roles' }.after")).isEqualTo("[\"reporter\"]");
    }

    @Test
    void anAdministratorOfAGovernmentManagesTheDepartmentsBelowIt() {
        JsonPath added = post(orgAdmin("nmg"), ADD, Map.of("o", idOf("nmg.zjt"), "in", newColleague("li.below", "VIEWER")));

        assertThat(added.getString("errors")).isNull();
        assertThat(added.getList("data.addStaffMember.organizationCodes")).containsExactly("nmg.zjt");
    }

    @Test
    void anotherOrganizationIsForbiddenAndNothingIsWrittenInKeycloak() {
        String token = orgAdmin("nmg.zjt");
        String zrzyt = idOf("nmg.zrzyt");
        String nmg = idOf("nmg");
        int entriesBefore = post(TestTokens.admin(), HISTORY, Map.of("o", zrzyt)).getList("data.staffHistory").size();

        assertThat(firstErrorCode(post(token, MEMBERS, Map.of("o", zrzyt)))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(post(token, ADD, Map.of("o", zrzyt, "in", newColleague("sneaky", "REPORTER"))))).isEqualTo("FORBIDDEN");
        // Above one's own department is outside it too.
        assertThat(firstErrorCode(post(token, ADD, Map.of("o", nmg, "in", newColleague("sneaky", "PLANNER"))))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(post(token, ROLES, Map.of("o", zrzyt, "u", "zrzyt.reporter", "r", List.of("PLANNER"))))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(post(token, DISABLE, Map.of("o", zrzyt, "u", "zrzyt.reporter")))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(post(token, MOVE, Map.of("u", "zrzyt.reporter", "f", zrzyt, "t", idOf("nmg.zjt"))))).isEqualTo("FORBIDDEN");

        assertThat(keycloak.writes).isEmpty();
        assertThat(post(TestTokens.admin(), HISTORY, Map.of("o", zrzyt)).getList("data.staffHistory")).hasSize(entriesBefore);
    }

    @Test
    void aColleagueOfAnotherDepartmentCannotBeTakenOverByAddingThem() {
        JsonPath refused = post(orgAdmin("nmg.zjt"), ADD, Map.of("o", idOf("nmg.zjt"), "in", newColleague("zrzyt.reporter", "REPORTER")));

        assertThat(firstErrorCode(refused)).isEqualTo("FORBIDDEN");
        assertThat(refused.getString("errors[0].message")).contains("nmg.zrzyt");
        assertThat(keycloak.writes).isEmpty();
    }

    @Test
    void anExistingAccountWithoutOrganizationJoinsTheDepartment() {
        JsonPath added = post(orgAdmin("nmg.zjt"), ADD, Map.of("o", idOf("nmg.zjt"), "in", newColleague("drifter", "PLANNER")));

        assertThat(added.getString("errors")).isNull();
        assertThat(added.getList("data.addStaffMember.organizationCodes")).containsExactly("nmg.zjt");
        assertThat(keycloak.writes).noneMatch(w -> w.startsWith("create"));
        assertThat(post(orgAdmin("nmg.zjt"), HISTORY, Map.of("o", idOf("nmg.zjt"))).getString("data.staffHistory[0].action")).isEqualTo("JOIN");
    }

    @Test
    void plannersReportersAndViewersMayNotManageStaffEvenOfTheirOwnOrganization() {
        String zjt = idOf("nmg.zjt");
        assertThat(firstErrorCode(post(TestTokens.planner("nmg.zjt"), MEMBERS, Map.of("o", zjt)))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(post(TestTokens.reporter("nmg.zjt"), ADD, Map.of("o", zjt, "in", newColleague("x.y", "REPORTER"))))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(post(TestTokens.viewer(), MEMBERS, Map.of("o", zjt)))).isEqualTo("FORBIDDEN");
        assertThat(keycloak.writes).isEmpty();
    }

    @Test
    void aDepartmentAdministratorAssignsRolesButMayNotAppointAnotherAdministrator() {
        String zjt = idOf("nmg.zjt");
        JsonPath changed = post(orgAdmin("nmg.zjt"), ROLES, Map.of("o", zjt, "u", "zjt.reporter", "r", List.of("PLANNER", "VIEWER")));

        assertThat(changed.getString("errors")).isNull();
        assertThat(changed.getList("data.setStaffRoles.roles")).containsExactly("PLANNER", "VIEWER");
        assertThat(firstErrorCode(post(orgAdmin("nmg.zjt"), ROLES, Map.of("o", zjt, "u", "zjt.reporter", "r", List.of("ORG_ADMIN")))))
                .isEqualTo("FORBIDDEN");
        // An admin may.
        assertThat(post(TestTokens.admin(), ROLES, Map.of("o", zjt, "u", "zjt.reporter", "r", List.of("ORG_ADMIN")))
                .getList("data.setStaffRoles.roles")).containsExactly("ORG_ADMIN");
    }

    @Test
    void disablingAMemberEndsTheirSessionsAndIsAudited() {
        String zjt = idOf("nmg.zjt");
        JsonPath disabled = post(orgAdmin("nmg.zjt"), DISABLE, Map.of("o", zjt, "u", "zjt.reporter"));

        assertThat(disabled.getString("errors")).isNull();
        assertThat(disabled.getBoolean("data.disableStaffMember.enabled")).isFalse();
        assertThat(keycloak.loggedOut).containsExactly("zjt.reporter");
        JsonPath history = post(orgAdmin("nmg.zjt"), HISTORY, Map.of("o", zjt));
        assertThat(history.getString("data.staffHistory[0].action")).isEqualTo("DISABLE");
        assertThat(history.getString("data.staffHistory[0].changes.find { it.field == 'enabled' }.after")).isEqualTo("false");
    }

    @Test
    void anAdministratorsAccountIsNotTheDepartmentAdministratorsToChange() {
        keycloak.reset();
        // admin is in nmg; a department administrator of nmg still may not disable them.
        JsonPath refused = post(orgAdmin("nmg"), DISABLE, Map.of("o", idOf("nmg"), "u", "admin"));

        assertThat(firstErrorCode(refused)).isEqualTo("FORBIDDEN");
        assertThat(keycloak.writes).isEmpty();
    }

    @Test
    void movingAMemberMovesTheirGroupMembershipAndKeepsTheirRoles() {
        String zjt = idOf("nmg.zjt");
        String zrzyt = idOf("nmg.zrzyt");
        JsonPath moved = post(orgAdmin("nmg"), MOVE, Map.of("u", "zjt.reporter", "f", zjt, "t", zrzyt));

        assertThat(moved.getString("errors")).isNull();
        assertThat(moved.getList("data.moveStaffMember.organizationCodes")).containsExactly("nmg.zrzyt");
        assertThat(moved.getList("data.moveStaffMember.roles")).containsExactly("REPORTER");
        assertThat(post(TestTokens.admin(), MEMBERS, Map.of("o", zjt)).getList("data.staffMembers.username")).doesNotContain("zjt.reporter");
        assertThat(post(TestTokens.admin(), HISTORY, Map.of("o", zrzyt)).getString("data.staffHistory[0].action")).isEqualTo("MOVE_IN");
        assertThat(post(TestTokens.admin(), HISTORY, Map.of("o", zjt)).getString("data.staffHistory[0].action")).isEqualTo("MOVE_OUT");
    }

    @Test
    void aUsernameThatKeycloakWouldMangleIsRefusedNamingTheField() {
        JsonPath refused = post(orgAdmin("nmg.zjt"), ADD, Map.of("o", idOf("nmg.zjt"), "in", newColleague("王 小明", "REPORTER")));

        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).startsWith("username:");
        assertThat(keycloak.writes).isEmpty();
    }

    @Test
    void anEmailAnotherAccountUsesIsAConflictNamingTheEmailField() {
        Map<String, Object> input = newColleague("wang.dup", "REPORTER");
        input.put("email", "zrzyt.reporter@planning.local");
        JsonPath refused = post(orgAdmin("nmg.zjt"), ADD, Map.of("o", idOf("nmg.zjt"), "in", input));

        assertThat(firstErrorCode(refused)).isEqualTo("CONFLICT");
        assertThat(refused.getString("errors[0].message")).startsWith("email:");
    }
    @Test
    void anAdminSeesEveryAccountWaitingForAnOrganizationWithTheOrganizationItsClaimNames() {
        JsonPath pending = post(TestTokens.admin(), PENDING, Map.of());

        assertThat(pending.getString("errors")).isNull();
        assertThat(pending.getList("data.pendingAccounts.account.username")).containsExactly("drifter", "gov.zjt.zhou", "gov.zrzyt.wu");
        assertThat(pending.getList("data.pendingAccounts.claimedOrganizationName")).containsExactly(null, "内蒙古自治区住房和城乡建设厅", null);
        assertThat(pending.getList("data.pendingAccounts.suggestedOrganizationId")).containsExactly(null, idOf("nmg.zjt"), idOf("nmg.zrzyt"));
        assertThat(pending.getString("data.pendingAccounts[1].suggestedOrganizationName")).isEqualTo("内蒙古自治区住房和城乡建设厅");
        assertThat(pending.getList("data.pendingAccounts[1].account.organizationCodes")).isEmpty();
    }

    @Test
    void listingTheAccountsWaitingAsksKeycloakAboutThoseAccountsOnlyHoweverManyStaffTheRealmHas() {
        keycloak.addColleagues(2000, "nmg.zjt");

        JsonPath pending = post(TestTokens.admin(), PENDING, Map.of());

        assertThat(pending.getList("data.pendingAccounts.account.username")).containsExactly("drifter", "gov.zjt.zhou", "gov.zrzyt.wu");
        assertThat(keycloak.fullScans).isZero();
        assertThat(keycloak.askedAboutWaiting).containsExactlyInAnyOrder("id-drifter", "id-gov.zjt.zhou", "id-gov.zrzyt.wu");
    }

    @Test
    void anAccountPlacedInKeycloakDirectlyDropsOffTheListAtTheNextReadAndARescanFindsNewOnes() {
        keycloak.joinDirectly("drifter", "nmg.zrzyt");
        assertThat(post(TestTokens.admin(), PENDING, Map.of()).getList("data.pendingAccounts.account.username"))
                .containsExactly("gov.zjt.zhou", "gov.zrzyt.wu");

        keycloak.create(new gov.planning.org.staff.StaffDirectory.NewAccount("made.in.console", "名", "姓", null, null));
        pendingAccounts.rescan();
        assertThat(post(TestTokens.admin(), PENDING, Map.of()).getList("data.pendingAccounts.account.username"))
                .containsExactly("gov.zjt.zhou", "gov.zrzyt.wu", "made.in.console");
    }

    @Test
    void aReformReplacingADepartmentMovesItsStaffToTheSuccessorWithTheirRolesAndAuditsIt() {
        String stamp = Long.toString(System.nanoTime(), 36);
        String old = createDepartment("nmg.reform.old" + stamp, "改革前厅" + stamp);
        String successor = createDepartment("nmg.reform.new" + stamp, "改革后厅" + stamp);
        assertThat(post(TestTokens.admin(), ADD, Map.of("o", old, "in", newColleague("reform.li" + stamp, "REPORTER"))).getString("errors")).isNull();
        assertThat(post(TestTokens.admin(), "mutation($p: String!, $s: String!) { recordSuccession(predecessorCode: $p, successorCode: $s, date: \"2026-01-01\") { id } }",
                Map.of("p", "nmg.reform.old" + stamp, "s", "nmg.reform.new" + stamp)).getString("errors")).isNull();

        // What group sync runs after the groups follow the tree; a second run finds nobody left to move.
        var tree = organizations.snapshot().await().indefinitely().tree();
        assertThat(reformMoves.run(tree)).isEqualTo(1);
        assertThat(reformMoves.run(tree)).isZero();

        JsonPath members = post(TestTokens.admin(), MEMBERS, Map.of("o", successor));
        assertThat(members.getList("data.staffMembers.username")).containsExactly("reform.li" + stamp);
        assertThat(members.getList("data.staffMembers[0].roles")).containsExactly("REPORTER");
        assertThat(post(TestTokens.admin(), MEMBERS, Map.of("o", old)).getList("data.staffMembers")).isEmpty();
        JsonPath history = post(TestTokens.admin(), HISTORY, Map.of("o", successor));
        assertThat(history.getString("data.staffHistory[0].actor")).isEqualTo("机构改革");
        assertThat(history.getString("data.staffHistory[0].action")).isEqualTo("MOVE_IN");
    }

    private static String createDepartment(String code, String name) {
        return post(TestTokens.admin(), "mutation($in: OrganizationInput!) { createOrganization(input: $in) { id } }",
                Map.of("in", Map.of("code", code, "name", name, "kind", "DEPARTMENT", "level", "PROVINCE", "parentCode", "nmg")))
                .getString("data.createOrganization.id");
    }

    @Test
    void aDepartmentAdministratorSeesOnlyThePendingAccountsWhoseClaimLiesInTheirReach() {
        assertThat(post(orgAdmin("nmg.zjt"), PENDING, Map.of()).getList("data.pendingAccounts.account.username"))
                .containsExactly("gov.zjt.zhou");
        assertThat(post(orgAdmin("nmg"), PENDING, Map.of()).getList("data.pendingAccounts.account.username"))
                .containsExactly("gov.zjt.zhou", "gov.zrzyt.wu");
        assertThat(firstErrorCode(post(TestTokens.reporter("nmg.zjt"), PENDING, Map.of()))).isEqualTo("FORBIDDEN");
    }

    @Test
    void placingAPendingAccountWithAddStaffMemberTakesItOffTheListAndIsAudited() {
        String zjt = idOf("nmg.zjt");
        Map<String, Object> existing = new HashMap<>();
        existing.put("username", "gov.zjt.zhou");
        existing.put("roles", List.of("REPORTER"));
        JsonPath placed = post(orgAdmin("nmg.zjt"), ADD, Map.of("o", zjt, "in", existing));

        assertThat(placed.getString("errors")).isNull();
        assertThat(placed.getList("data.addStaffMember.organizationCodes")).containsExactly("nmg.zjt");
        assertThat(post(TestTokens.admin(), PENDING, Map.of()).getList("data.pendingAccounts.account.username"))
                .containsExactly("drifter", "gov.zrzyt.wu");
        JsonPath history = post(orgAdmin("nmg.zjt"), HISTORY, Map.of("o", zjt));
        assertThat(history.getString("data.staffHistory[0].action")).isEqualTo("JOIN");
        assertThat(history.getString("data.staffHistory[0].username")).isEqualTo("gov.zjt.zhou");
    }
}
