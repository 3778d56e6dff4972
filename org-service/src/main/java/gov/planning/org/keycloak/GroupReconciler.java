package gov.planning.org.keycloak;

import java.util.ArrayList;
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
        int created = 0, updated = 0, moved = 0, unchanged = 0;
        Set<String> wanted = new HashSet<>();
        for (OrgNode org : parentsFirst(tree)) {
            wanted.add(org.code());
            OrgNode parent = groupParent(tree, org);
            String parentGroupId = parent == null ? null : byCode.get(parent.code()).id();
            Group group = byCode.get(org.code());
            if (group == null) {
                String id = groups.create(parentGroupId, org.code(), org.code(), org.name());
                byCode.put(org.code(), new Group(id, org.code(), parentGroupId, org.code(), org.name()));
                created++;
                continue;
            }
            boolean changed = false;
            if (!java.util.Objects.equals(group.parentId(), parentGroupId)) {
                groups.move(group.id(), parentGroupId, org.code(), org.code(), org.name());
                moved++;
                changed = true;
            } else if (!org.code().equals(group.name()) || !org.name().equals(group.orgName())) {
                groups.update(group.id(), org.code(), org.code(), org.name());
                updated++;
                changed = true;
            }
            if (changed) {
                byCode.put(org.code(), new Group(group.id(), org.code(), parentGroupId, org.code(), org.name()));
            } else {
                unchanged++;
            }
        }
        byCode.values().stream().filter(g -> !wanted.contains(g.orgCode())).forEach(extra::add);
        // Children before parents: deleting a parent group would take its children with it.
        extra.sort(Comparator.comparingInt((Group g) -> depth(g, byId)).reversed());
        extra.forEach(g -> groups.delete(g.id()));
        return new GroupReconciliation(created, updated, moved, extra.size(), unchanged);
    }

    private static int depth(Group group, Map<String, Group> byId) {
        int depth = 0;
        for (Group g = group; g != null && g.parentId() != null; g = byId.get(g.parentId())) {
            depth++;
        }
        return depth;
    }

    private static List<OrgNode> parentsFirst(OrgTree tree) {
        List<OrgNode> orgs = tree.nodes().stream().filter(o -> o.kind() != OrgKind.COLLECTIVE).toList();
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
