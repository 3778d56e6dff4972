package gov.planning.org.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.org.entity.OrgKind;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.naming.OrgTree;

/**
 * A reform that replaces a department ({@code recordSuccession}) moves its staff: the members of a replaced
 * organization's group join the group of the body responsible for it today (the end of its successions) and leave the
 * old one, keeping their roles, each move audited on both organizations (actor 机构改革) as {@code moveStaffMember} does.
 * Their past reports keep their author (the user name). Run after the groups follow the tree (GroupSync), so the
 * successor's group exists; repeating it moves nobody twice (the old group is empty then). Blocking: worker threads only.
 */
@ApplicationScoped
public class ReformMoves {

    static final String ACTOR = "机构改革";

    @Inject
    StaffDirectory directory;

    @Inject
    StaffAudit audit;

    /** Moves the staff of every replaced organization; answers how many accounts moved. */
    public int run(OrgTree tree) {
        int moved = 0;
        for (OrgNode replaced : tree.nodes()) {
            OrgNode today = currentSuccessor(tree, replaced);
            if (today == null || today.kind() == OrgKind.COLLECTIVE) {
                continue;
            }
            for (StaffDirectory.Account before : directory.members(replaced.code())) {
                directory.join(before.id(), today.code());
                directory.leave(before.id(), replaced.code());
                StaffDirectory.Account after = directory.find(before.username()).orElse(before);
                audit.append(ACTOR, "MOVE_OUT", replaced.id(), before.username(), before, after);
                audit.append(ACTOR, "MOVE_IN", today.id(), before.username(), before, after);
                moved++;
            }
        }
        return moved;
    }

    /** The end of the organization's successions, or null when no reform replaced it (a cycle ends the walk). */
    private static OrgNode currentSuccessor(OrgTree tree, OrgNode org) {
        OrgNode current = tree.byId(org.successorId());
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>(java.util.List.of(org.id()));
        while (current != null && current.successorId() != null && seen.add(current.id())) {
            current = tree.byId(current.successorId());
        }
        return current;
    }
}
