package gov.planning.org.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.keycloak.DirectoryUsers.Account;
import gov.planning.org.keycloak.DirectoryUsers.Login;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.naming.OrgTree;

class DirectoryPlacementTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final UUID NMG = UUID.randomUUID(), ZJT = UUID.randomUUID(), ZRZYT = UUID.randomUUID(), GX_ZRZYT = UUID.randomUUID(),
            OLD = UUID.randomUUID(), TEAM = UUID.randomUUID();

    /** Accounts by id and the groups they join, named by organization code. */
    static class FakeUsers implements DirectoryUsers {
        final Map<String, Account> accounts = new LinkedHashMap<>();
        final List<String> joined = new ArrayList<>();

        FakeUsers with(Account account) {
            accounts.put(account.id(), account);
            return this;
        }

        @Override
        public List<Login> loginsSince(long since) {
            return List.of();
        }

        @Override
        public Account account(String userId) {
            return accounts.get(userId);
        }

        @Override
        public String groupIdOf(String orgCode) {
            return "group-" + orgCode;
        }

        @Override
        public void join(String userId, String groupId) {
            joined.add(accounts.get(userId).username() + " → " + groupId);
        }
    }

    private static OrgNode org(UUID id, String code, String name, String shortName, OrgKind kind, UUID parent, LocalDate validTo) {
        return new OrgNode(id, code, name, shortName, List.of(), kind, AdminLevel.PROVINCE, null, parent, null, validTo, null, 0);
    }

    private static OrgTree tree() {
        return new OrgTree(List.of(
                org(NMG, "nmg", "内蒙古自治区人民政府", null, OrgKind.GOVERNMENT, null, null),
                org(ZJT, "nmg.zjt", "内蒙古自治区住房和城乡建设厅", "自治区住房和城乡建设厅", OrgKind.DEPARTMENT, NMG, null),
                org(ZRZYT, "nmg.zrzyt", "内蒙古自治区自然资源厅", "自治区自然资源厅", OrgKind.DEPARTMENT, NMG, null),
                org(GX_ZRZYT, "gx.zrzyt", "广西壮族自治区自然资源厅", "自治区自然资源厅", OrgKind.DEPARTMENT, null, null),
                org(OLD, "nmg.jst", "内蒙古自治区建设厅", null, OrgKind.DEPARTMENT, NMG, LocalDate.of(2018, 1, 1)),
                org(TEAM, "nmg.team", "规划专班", null, OrgKind.COLLECTIVE, NMG, null)));
    }

    private static Account directoryUser(String id, String code, String name) {
        return new Account(id, "dir." + id, true, code, name, false);
    }

    @Test
    void aDirectoryUserJoinsTheGroupOfTheOrganizationTheirDepartmentCodeNames() {
        FakeUsers users = new FakeUsers().with(directoryUser("zhang", "nmg.zjt", "自治区住房和城乡建设厅"));

        var placed = DirectoryPlacement.place(List.of(new Login("zhang", 1)), users, tree(), TODAY);

        assertThat(users.joined).containsExactly("dir.zhang → group-nmg.zjt");
        assertThat(placed).containsExactly(new DirectoryPlacement.Placed("dir.zhang", "nmg.zjt"));
    }

    @Test
    void withoutAKnownCodeTheDepartmentNameTheDirectoryGivesPlacesThemWhenItNamesOneOrganization() {
        FakeUsers users = new FakeUsers()
                .with(directoryUser("wang", null, "内蒙古自治区住房和城乡建设厅"))
                .with(directoryUser("liu", "ZRZYT-0042", "自治区自然资源厅"));

        DirectoryPlacement.place(List.of(new Login("wang", 1), new Login("liu", 2)), users, tree(), TODAY);

        // 自治区自然资源厅 is the short name of Guangxi's department too: it places nobody.
        assertThat(users.joined).containsExactly("dir.wang → group-nmg.zjt");
    }

    @Test
    void anUnknownDepartmentAPastOrganizationOrAWorkingGroupLeavesTheUserPending() {
        FakeUsers users = new FakeUsers()
                .with(directoryUser("sun", "xx.unknown", "某未建档单位"))
                .with(directoryUser("old", "nmg.jst", null))
                .with(directoryUser("team", "nmg.team", "规划专班"))
                .with(directoryUser("none", null, null));

        var placed = DirectoryPlacement.place(List.of(new Login("sun", 1), new Login("old", 2), new Login("team", 3),
                new Login("none", 4)), users, tree(), TODAY);

        assertThat(placed).isEmpty();
        assertThat(users.joined).isEmpty();
    }

    @Test
    void accountsAlreadyInAGroupOrNotFromTheDirectoryAreLeftAlone() {
        FakeUsers users = new FakeUsers()
                .with(new Account("moved", "dir.moved", true, "nmg.zjt", null, true))
                .with(new Account("local", "zjt.reporter2", false, "nmg.zjt", null, false));

        DirectoryPlacement.place(List.of(new Login("moved", 1), new Login("local", 2), new Login("gone", 3)), users, tree(), TODAY);

        assertThat(users.joined).isEmpty();
    }

    @Test
    void everyoneWhoSignedInAndIsStillInNoGroupIsHandedOnAsWaitingAndNobodyElse() {
        FakeUsers users = new FakeUsers()
                .with(directoryUser("zhang", "nmg.zjt", null))
                .with(directoryUser("sun", "xx.unknown", "某未建档单位"))
                .with(new Account("broker", "gov.unknown.zhao", false, "xx.unknown", null, false))
                .with(new Account("moved", "dir.moved", true, "nmg.zjt", null, true));
        List<String> waiting = new ArrayList<>();

        DirectoryPlacement.place(List.of(new Login("zhang", 1), new Login("sun", 2), new Login("broker", 3), new Login("moved", 4),
                new Login("gone", 5), new Login("sun", 6)), users, tree(), TODAY, account -> waiting.add(account.username()));

        assertThat(waiting).containsExactly("dir.sun", "gov.unknown.zhao");
        assertThat(users.joined).containsExactly("dir.zhang → group-nmg.zjt");
    }

    @Test
    void aUserWhoSignedInTwiceIsPlacedOnce() {
        FakeUsers users = new FakeUsers().with(directoryUser("zhang", "nmg.zjt", null));

        DirectoryPlacement.place(List.of(new Login("zhang", 1), new Login("zhang", 2)), users, tree(), TODAY);

        assertThat(users.joined).containsExactly("dir.zhang → group-nmg.zjt");
    }
}
