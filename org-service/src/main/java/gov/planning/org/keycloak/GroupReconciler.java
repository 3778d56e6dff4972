package gov.planning.org.keycloak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.planning.org.entity.OrgKind;
import gov.planning.org.keycloak.GroupDirectory.Group;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.naming.OrgTree;

/**
 * Makes the groups match the organization tree: one group per organization, named by its code (the realm's
 * {@code org_codes} mapper puts group names into tokens), attributes {@code org_code} and {@code org_name}, nested as
 * the organizations are. Collectives get no group: they are expanded by rule, not by membership. Groups without an
 * {@code org_code} attribute are not ours and are left alone; groups whose code names no organization are removed.
 * Repeating it changes nothing, so it doubles as the repair for any drift.
 */
public final class GroupReconciler {

    private GroupReconciler() {
    }

    public static GroupReconciliation reconcile(OrgTree tree, GroupDirectory groups) {
        if (tree.nodes().stream().noneMatch(o -> o.kind() != OrgKind.COLLECTIVE)) {
            // An empty tree means the organizations are not loaded yet, not that every group is stray: removing the
            // groups would drop every user's membership.
            return new GroupReconciliation(0, 0, 0, 0, 0);
        }
        List<Group> existing = groups.groups();
        Map<String, Group> byId = new HashMap<>();
        existing.forEach(g -> byId.put(g.id(), g));
        Map<String, Group> byCode = new HashMap<>();
        List<Group> extra = new ArrayList<>();
        for (Group group : existing) {
            if (group.orgCode() == null) {
                continue;
            }
            if (byCode.putIfAbsent(group.orgCode(), group) != null) {
                extra.add(group);
            }
        }
        Counts counts = new Counts();
        Set<String> wanted = new HashSet<>();
        for (OrgNode org : parentsFirst(tree)) {
            wanted.add(org.code());
            OrgNode parent = groupParent(tree, org);
            String parentGroupId = parent == null ? null : byCode.get(parent.code()).id();
            byCode.put(org.code(), follow(org, parentGroupId, byCode.get(org.code()), groups, counts));
        }
        byCode.values().stream().filter(g -> !wanted.contains(g.orgCode())).forEach(extra::add);
        // Children before parents: deleting a parent group would take its children with it.
        extra.sort(Comparator.comparingInt((Group g) -> depth(g, byId)).reversed());
        extra.forEach(g -> groups.delete(g.id()));
        return counts.result(extra.size());
    }

    /**
     * Makes the groups of the organizations {@code codes} match the tree, reading only their groups and their groups'
     * parents (a search each) instead of every group: what an organization write needs, where the full walk costs a
     * request per group with children (20,249 groups at a province's scale, bench/scale). Null when it cannot tell (the
     * parent has no group yet): the caller then reconciles in full. Stray groups are left to the full run.
     */
    public static GroupReconciliation reconcileChanged(OrgTree tree, Collection<String> codes, GroupDirectory groups) {
        Counts counts = new Counts();
        for (OrgNode org : parentsFirst(tree, codes.stream().map(tree::byCode).filter(java.util.Objects::nonNull).toList())) {
            OrgNode parent = groupParent(tree, org);
            Group parentGroup = parent == null ? null : groups.find(parent.code());
            if (parent != null && parentGroup == null) {
                return null;
            }
            follow(org, parentGroup == null ? null : parentGroup.id(), groups.find(org.code()), groups, counts);
        }
        return counts.result(0);
    }

    /** Creates, moves or renames the organization's group as needed; answers the group as it is afterwards. */
    private static Group follow(OrgNode org, String parentGroupId, Group group, GroupDirectory groups, Counts counts) {
        if (group == null) {
            String id = groups.create(parentGroupId, org.code(), org.code(), org.name());
            counts.created++;
            return new Group(id, org.code(), parentGroupId, org.code(), org.name());
        }
        if (!java.util.Objects.equals(group.parentId(), parentGroupId)) {
            groups.move(group.id(), parentGroupId, org.code(), org.code(), org.name());
            counts.moved++;
        } else if (!org.code().equals(group.name()) || !org.name().equals(group.orgName())) {
            groups.update(group.id(), org.code(), org.code(), org.name());
            counts.updated++;
        } else {
            counts.unchanged++;
            return group;
        }
        return new Group(group.id(), org.code(), parentGroupId, org.code(), org.name());
    }

    private static final class Counts {
        int created, updated, moved, unchanged;

        GroupReconciliation result(int deleted) {
            return new GroupReconciliation(created, updated, moved, deleted, unchanged);
        }
    }

    private static int depth(Group group, Map<String, Group> byId) {
        int depth = 0;
        for (Group g = group; g != null && g.parentId() != null; g = byId.get(g.parentId())) {
            depth++;
        }
        return depth;
    }

    private static List<OrgNode> parentsFirst(OrgTree tree) {
        return parentsFirst(tree, tree.nodes());
    }

    /** {@code nodes} but collectives, each after its ancestors (a write's few, not the 20,000 of a province). */
    private static List<OrgNode> parentsFirst(OrgTree tree, Collection<OrgNode> nodes) {
        List<OrgNode> orgs = nodes.stream().filter(o -> o.kind() != OrgKind.COLLECTIVE).toList();
        Map<OrgNode, Integer> depth = new HashMap<>();
        for (OrgNode org : orgs) {
            int d = 0;
            for (OrgNode p = groupParent(tree, org); p != null; p = groupParent(tree, p)) {
                d++;
            }
            depth.put(org, d);
        }
        return orgs.stream().sorted(Comparator.comparingInt((OrgNode o) -> depth.get(o)).thenComparing(OrgNode::code)).toList();
    }

    /** The nearest ancestor that has a group (collectives have none). */
    static OrgNode groupParent(OrgTree tree, OrgNode org) {
        OrgNode parent = tree.parent(org);
        while (parent != null && parent.kind() == OrgKind.COLLECTIVE) {
            parent = tree.parent(parent);
        }
        return parent;
    }
}
