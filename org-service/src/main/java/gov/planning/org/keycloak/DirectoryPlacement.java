package gov.planning.org.keycloak;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import gov.planning.org.entity.OrgKind;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.naming.OrgTree;

/**
 * LDAP directories (政务目录): Keycloak's read-only user federation signs staff in with their directory password and
 * copies their department into the account (departmentNumber → {@code org_code}, ou → {@code org_name}), but has no
 * mapper that turns an attribute's value into a group. So org-service places them: after a directory user's sign-in
 * it puts an account that is in no group yet into the group of the organization the directory names, by code (in
 * force), else by a name, short name or alias that names exactly one organization in force. An account already in
 * a group is left alone (a department administrator's move sticks); one whose department cannot be placed stays
 * without group, which the gateway refuses as 待分配 until an administrator places it.
 */
public final class DirectoryPlacement {

    private DirectoryPlacement() {
    }

    /** An account placed into an organization's group. */
    public record Placed(String username, String orgCode) {
    }

    /** The organization the directory's department names, or null when it names none (or more than one). */
    public static OrgNode organizationOf(OrgTree tree, LocalDate today, String code, String name) {
        if (code != null && !code.isBlank()) {
            OrgNode byCode = tree.byCode(code.strip());
            if (byCode != null && byCode.kind() != OrgKind.COLLECTIVE && byCode.validOn(today)) {
                return byCode;
            }
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String wanted = name.strip();
        List<OrgNode> named = tree.nodes().stream()
                .filter(o -> o.kind() != OrgKind.COLLECTIVE && o.validOn(today))
                .filter(o -> BrokerMapperReconciler.names(o).contains(wanted)).limit(2).toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    /** Places the directory users among those who signed in that are in no group yet; answers whom it placed. */
    public static List<Placed> place(List<DirectoryUsers.Login> logins, DirectoryUsers users, OrgTree tree, LocalDate today) {
        return place(logins, users, tree, today, account -> {
        });
    }

    /**
     * As {@link #place(List, DirectoryUsers, OrgTree, LocalDate)}, and hands {@code waiting} every account that signed
     * in and is still in no group afterwards (a directory user nothing places, a brokered user no mapper placed): 待分配.
     */
    public static List<Placed> place(List<DirectoryUsers.Login> logins, DirectoryUsers users, OrgTree tree, LocalDate today,
            Consumer<DirectoryUsers.Account> waiting) {
        Set<String> seen = new LinkedHashSet<>();
        List<Placed> placed = new ArrayList<>();
        for (DirectoryUsers.Login login : logins) {
            if (!seen.add(login.userId())) {
                continue;
            }
            DirectoryUsers.Account account = users.account(login.userId());
            if (account == null || account.inAnyGroup()) {
                continue;
            }
            OrgNode org = account.fromDirectory() ? organizationOf(tree, today, account.orgCode(), account.orgName()) : null;
            String group = org == null ? null : users.groupIdOf(org.code());
            if (group != null) {
                users.join(account.id(), group);
                placed.add(new Placed(account.username(), org.code()));
            } else {
                waiting.accept(account);
            }
        }
        return placed;
    }
}
