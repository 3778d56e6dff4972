package gov.planning.org.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.keycloak.GroupDirectory.Group;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.naming.OrgTree;

class GroupReconcilerTest {

    /** Keycloak's groups as a map, recording every change made to it. */
    static class FakeGroups implements GroupDirectory {
        final Map<String, Group> groups = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        int walks;

        @Override
        public List<Group> groups() {
            walks++;
            return List.copyOf(groups.values());
        }

        @Override
        public Group find(String orgCode) {
            return groups.values().stream().filter(g -> orgCode.equals(g.name())).findFirst().orElse(null);
        }

        @Override
        public String create(String parentId, String name, String orgCode, String orgName) {
            String id = "g-" + name;
            groups.put(id, new Group(id, name, parentId, orgCode, orgName));
            calls.add("create " + name);
            return id;
        }

        @Override
        public void update(String id, String name, String orgCode, String orgName) {
            groups.put(id, new Group(id, name, groups.get(id).parentId(), orgCode, orgName));
            calls.add("update " + name);
        }

        @Override
        public void move(String id, String newParentId, String name, String orgCode, String orgName) {
            groups.put(id, new Group(id, name, newParentId, orgCode, orgName));
            calls.add("move " + name);
        }

        @Override
        public void delete(String id) {
            calls.add("delete " + groups.remove(id).name());
            groups.values().removeIf(g -> id.equals(g.parentId()));
        }

        String pathOf(String code) {
            Group g = groups.values().stream().filter(x -> code.equals(x.orgCode())).findFirst().orElseThrow();
            return g.parentId() == null ? "/" + g.name() : pathOf(groups.get(g.parentId()).orgCode()) + "/" + g.name();
        }
    }

    private static final UUID NMG = UUID.randomUUID();
    private static final UUID ZJT = UUID.randomUUID();
    private static final UUID MENGSHI = UUID.randomUUID();

    private static OrgNode org(UUID id, String code, String name, OrgKind kind, UUID parent) {
        return new OrgNode(id, code, name, null, List.of(), kind, AdminLevel.PROVINCE, null, parent, null, null, null, 0);
    }

    private static OrgTree tree(OrgNode... nodes) {
        return new OrgTree(List.of(nodes));
    }

    @Test
    void createsAGroupPerOrganizationNestedLikeTheTreeAndNoneForCollectives() {
        FakeGroups keycloak = new FakeGroups();
        GroupReconciliation result = GroupReconciler.reconcile(tree(
                org(ZJT, "nmg.zjt", "自治区住房和城乡建设厅", OrgKind.DEPARTMENT, NMG),
                org(NMG, "nmg", "内蒙古自治区人民政府", OrgKind.GOVERNMENT, null),
                org(MENGSHI, "nmg.mengshi-govs", "各盟行政公署、市人民政府", OrgKind.COLLECTIVE, NMG)), keycloak);

        assertThat(result.created()).isEqualTo(2);
        assertThat(keycloak.pathOf("nmg.zjt")).isEqualTo("/nmg/nmg.zjt");
        assertThat(keycloak.groups.values()).extracting(Group::orgCode).doesNotContain("nmg.mengshi-govs");
        assertThat(keycloak.groups.get("g-nmg.zjt").orgName()).isEqualTo("自治区住房和城乡建设厅");
    }

    @Test
    void anEmptyTreeNeverRemovesGroupsSoMembershipsSurviveAStartBeforeTheOrganizationsAreLoaded() {
        FakeGroups keycloak = new FakeGroups();
        keycloak.groups.put("g-nmg", new Group("g-nmg", "nmg", null, "nmg", "内蒙古自治区人民政府"));

        GroupReconciler.reconcile(tree(), keycloak);

        assertThat(keycloak.calls).isEmpty();
        assertThat(keycloak.groups).containsKey("g-nmg");
    }

    @Test
    void groupsTheRealmShipsWithAreKeptWhenTheirOrganizationsExist() {
        FakeGroups keycloak = new FakeGroups();
        keycloak.groups.put("realm-nmg", new Group("realm-nmg", "nmg", null, "nmg", "内蒙古自治区人民政府"));
        keycloak.groups.put("realm-zjt", new Group("realm-zjt", "nmg.zjt", "realm-nmg", "nmg.zjt", "自治区住房和城乡建设厅"));

        GroupReconciliation result = GroupReconciler.reconcile(tree(org(NMG, "nmg", "内蒙古自治区人民政府", OrgKind.GOVERNMENT, null),
                org(ZJT, "nmg.zjt", "自治区住房和城乡建设厅", OrgKind.DEPARTMENT, NMG)), keycloak);

        assertThat(result.deleted()).isZero();
        assertThat(result.created()).isZero();
        assertThat(keycloak.groups).containsKeys("realm-nmg", "realm-zjt");
    }

    @Test
    void secondRunChangesNothing() {
        FakeGroups keycloak = new FakeGroups();
        OrgTree tree = tree(org(NMG, "nmg", "内蒙古自治区人民政府", OrgKind.GOVERNMENT, null),
                org(ZJT, "nmg.zjt", "自治区住房和城乡建设厅", OrgKind.DEPARTMENT, NMG));
        GroupReconciler.reconcile(tree, keycloak);
        keycloak.calls.clear();

        GroupReconciliation again = GroupReconciler.reconcile(tree, keycloak);
        assertThat(keycloak.calls).isEmpty();
        assertThat(again.unchanged()).isEqualTo(2);
    }

    @Test
    void renamedAndMovedOrganizationsAreRenamedAndMovedAndStrayGroupsOfOursRemoved() {
        FakeGroups keycloak = new FakeGroups();
        UUID gx = UUID.randomUUID();
        GroupReconciler.reconcile(tree(org(NMG, "nmg", "内蒙古自治区人民政府", OrgKind.GOVERNMENT, null),
                org(gx, "gx", "广西壮族自治区人民政府", OrgKind.GOVERNMENT, null),
                org(ZJT, "nmg.zjt", "住建厅", OrgKind.DEPARTMENT, NMG)), keycloak);
        keycloak.groups.put("stray", new Group("stray", "old.code", null, "old.code", "已撤销"));
        keycloak.groups.put("foreign", new Group("foreign", "testers", null, null, null));
        keycloak.calls.clear();

        GroupReconciliation result = GroupReconciler.reconcile(tree(org(NMG, "nmg", "内蒙古自治区人民政府", OrgKind.GOVERNMENT, null),
                org(gx, "gx", "广西壮族自治区人民政府", OrgKind.GOVERNMENT, null),
                org(ZJT, "nmg.zjt", "自治区住房和城乡建设厅", OrgKind.DEPARTMENT, gx)), keycloak);

        assertThat(keycloak.pathOf("nmg.zjt")).isEqualTo("/gx/nmg.zjt");
        assertThat(keycloak.groups.get("g-nmg.zjt").orgName()).isEqualTo("自治区住房和城乡建设厅");
        assertThat(result.moved()).isEqualTo(1);
        assertThat(result.deleted()).isEqualTo(1);
        assertThat(keycloak.groups).containsKey("foreign").doesNotContainKey("stray");
    }

    @Test
    void aWriteToSomeOrganizationsTouchesOnlyTheirGroupsWithoutWalkingTheRest() {
        FakeGroups keycloak = new FakeGroups();
        UUID gx = UUID.randomUUID();
        UUID jst = UUID.randomUUID();
        UUID stray = UUID.randomUUID();
        GroupReconciler.reconcile(tree(org(NMG, "nmg", "内蒙古自治区人民政府", OrgKind.GOVERNMENT, null),
                org(gx, "gx", "广西壮族自治区人民政府", OrgKind.GOVERNMENT, null),
                org(ZJT, "nmg.zjt", "住建厅", OrgKind.DEPARTMENT, NMG),
                org(stray, "nmg.old", "已撤销", OrgKind.DEPARTMENT, NMG)), keycloak);
        keycloak.calls.clear();
        keycloak.walks = 0;

        // nmg.zjt renamed and moved under gx, nmg.jst created under it; nmg.old is gone but was not written.
        GroupReconciliation result = GroupReconciler.reconcileChanged(tree(org(NMG, "nmg", "内蒙古自治区人民政府", OrgKind.GOVERNMENT, null),
                org(gx, "gx", "广西壮族自治区人民政府", OrgKind.GOVERNMENT, null),
                org(ZJT, "nmg.zjt", "自治区住房和城乡建设厅", OrgKind.DEPARTMENT, gx),
                org(jst, "nmg.jst", "交通运输厅", OrgKind.DEPARTMENT, ZJT)), Set.of("nmg.jst", "nmg.zjt"), keycloak);

        assertThat(keycloak.walks).isZero();
        assertThat(keycloak.calls).containsExactly("move nmg.zjt", "create nmg.jst");
        assertThat(keycloak.pathOf("nmg.jst")).isEqualTo("/gx/nmg.zjt/nmg.jst");
        assertThat(keycloak.groups.get("g-nmg.zjt").orgName()).isEqualTo("自治区住房和城乡建设厅");
        assertThat(result.moved()).isEqualTo(1);
        assertThat(result.created()).isEqualTo(1);
        assertThat(keycloak.groups).containsKey("g-nmg.old");
    }

    @Test
    void aWrittenOrganizationWhoseParentHasNoGroupYetAsksForTheFullRun() {
        FakeGroups keycloak = new FakeGroups();
        GroupReconciliation result = GroupReconciler.reconcileChanged(tree(org(NMG, "nmg", "内蒙古自治区人民政府", OrgKind.GOVERNMENT, null),
                org(ZJT, "nmg.zjt", "住建厅", OrgKind.DEPARTMENT, NMG)), Set.of("nmg.zjt"), keycloak);

        assertThat(result).isNull();
        assertThat(keycloak.calls).isEmpty();
    }
}
