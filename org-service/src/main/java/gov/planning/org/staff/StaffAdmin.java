package gov.planning.org.staff;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import gov.planning.common.api.Texts;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ConflictException;
import gov.planning.common.error.ForbiddenException;
import gov.planning.common.error.NotFoundException;
import gov.planning.common.error.UnavailableException;
import gov.planning.common.security.Caller;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.keycloak.DirectoryPlacement;
import gov.planning.org.keycloak.KeycloakAdminClient.KeycloakUnavailableException;
import gov.planning.org.naming.OrgDirectory;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.naming.OrgTree;
import gov.planning.org.staff.StaffDirectory.Account;

/**
 * Department administrators manage their own staff (issue 20). An admin may manage any organization's members; a
 * holder of {@code org-admin} only those of the organizations in their token's {@code org_codes} and below. Everything
 * is decided before the first call to Keycloak, so a refused request writes nothing there. Accounts that belong to
 * an organization outside the caller's reach, or hold {@code admin}, are not the department administrator's to
 * change. Each change is appended to {@code staff_audit} after Keycloak has taken it (Keycloak has no transaction to
 * join; a failed append is logged loudly). Blocking throughout: worker threads only.
 */
@ApplicationScoped
public class StaffAdmin {

    private static final Logger LOG = Logger.getLogger(StaffAdmin.class);
    // Keycloak's own default rule for user names is looser; this keeps them typeable and safe in URLs and logs.
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    private static final Set<StaffRole> DEPARTMENT_ROLES = EnumSet.of(StaffRole.PLANNER, StaffRole.REPORTER, StaffRole.VIEWER);

    @Inject
    StaffDirectory directory;

    @Inject
    StaffAudit audit;

    @Inject
    PendingAccounts pendingAccounts;

    @Inject
    OrgDirectory organizations;

    @Inject
    Caller caller;

    @Inject
    java.time.Clock clock;

    public List<Account> members(UUID organizationId) {
        OrgNode org = manageable(organizationId, "see the members of");
        return keycloak(() -> directory.members(org.code()));
    }

    /** An account waiting to be placed, with the organization its claimed department names (null: none or unclear). */
    public record PendingAccount(Account account, String claimedOrgCode, String claimedOrgName, OrgNode claimed) {
    }

    /**
     * Accounts in no organization (待分配). An admin sees all; a department administrator those whose claimed
     * department names an organization they manage (the others are an admin's to place: nothing tells whose they are).
     */
    public List<PendingAccount> pending() {
        if (!caller.isAdmin() && !caller.roles().contains(StaffRole.ORG_ADMIN_ROLE)) {
            throw new ForbiddenException(caller.username() + " may not see the accounts waiting for an organization: "
                    + "admins and department administrators (org-admin) place them");
        }
        OrgTree tree = organizations.snapshot().await().indefinitely().tree();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        // Decided before the Keycloak reads, while the request (and the caller's request scope) surely lasts.
        boolean admin = caller.isAdmin();
        Set<String> reach = tree.nodes().stream().map(OrgNode::code).filter(code -> mayManage(tree, code)).collect(Collectors.toSet());
        // The table names the accounts org-service saw waiting; Keycloak is asked about those only (one or two reads
        // each), and a row whose account has since joined a group or gone is dropped.
        List<StaffDirectory.Pending> waiting = keycloak(() -> {
            List<StaffDirectory.Pending> found = new java.util.ArrayList<>();
            for (PendingAccounts.Waiting row : pendingAccounts.all()) {
                directory.waiting(row.userId()).ifPresentOrElse(found::add, () -> pendingAccounts.forget(row.userId()));
            }
            return found;
        });
        return waiting.stream()
                .map(p -> new PendingAccount(p.account(), p.claimedOrgCode(), p.claimedOrgName(),
                        DirectoryPlacement.organizationOf(tree, today, p.claimedOrgCode(), p.claimedOrgName())))
                .filter(p -> admin || p.claimed() != null && reach.contains(p.claimed().code()))
                .sorted(java.util.Comparator.comparing(p -> p.account().username()))
                .toList();
    }

    public List<StaffAudit.Entry> history(UUID organizationId, int limit) {
        manageable(organizationId, "see the staff history of");
        return audit.of(organizationId, Math.max(1, Math.min(limit, 500)));
    }

    /** Adds a new account, or an existing one that is not yet anyone else's, to the organization with these roles. */
    public Account add(UUID organizationId, String username, String firstName, String lastName, String email,
            String temporaryPassword, List<StaffRole> roles) {
        OrgNode org = manageable(organizationId, "add members to");
        Set<StaffRole> wanted = assignable(roles);
        String name = username == null ? "" : username.trim().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new BadUserInputException("username: 2 to 63 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        return keycloak(() -> {
            Account existing = directory.find(name).orElse(null);
            if (existing != null) {
                mayChange(existing, "add");
                if (existing.orgCodes().contains(org.code())) {
                    throw new ConflictException("username: " + name + " is already a member of " + org.code());
                }
                directory.join(existing.id(), org.code());
                directory.grant(existing.id(), realmRoles(wanted));
                Account after = reread(name);
                audit(org, "JOIN", existing, after);
                return after;
            }
            String first = Texts.required("firstName", firstName);
            String last = Texts.required("lastName", lastName);
            String id = directory.create(new StaffDirectory.NewAccount(name, first, last, Texts.clean(email),
                    temporaryPassword == null || temporaryPassword.isBlank() ? null : temporaryPassword));
            directory.join(id, org.code());
            directory.grant(id, realmRoles(wanted));
            Account after = reread(name);
            audit(org, "CREATE", null, after);
            return after;
        });
    }

    /** Replaces the member's department roles (planner, reporter, viewer; org-admin too when an admin asks). */
    public Account setRoles(UUID organizationId, String username, List<StaffRole> roles) {
        OrgNode org = manageable(organizationId, "assign roles in");
        Set<StaffRole> wanted = assignable(roles);
        return keycloak(() -> {
            Account before = member(org, username, "assign roles to");
            Set<String> assignable = realmRoles(caller.isAdmin() ? EnumSet.allOf(StaffRole.class) : DEPARTMENT_ROLES);
            Set<String> revoke = before.roles().stream().filter(assignable::contains)
                    .filter(r -> !realmRoles(wanted).contains(r)).collect(Collectors.toSet());
            Set<String> grant = new HashSet<>(realmRoles(wanted));
            grant.removeAll(before.roles());
            directory.revoke(before.id(), revoke);
            directory.grant(before.id(), grant);
            Account after = reread(before.username());
            audit(org, "SET_ROLES", before, after);
            return after;
        });
    }

    /** Disables the account and ends its sessions: its refresh tokens fail at once, its access token at expiry. */
    public Account disable(UUID organizationId, String username) {
        OrgNode org = manageable(organizationId, "disable members of");
        return keycloak(() -> {
            Account before = member(org, username, "disable");
            if (before.username().equals(caller.username())) {
                throw new BadUserInputException("username: you may not disable your own account");
            }
            directory.setEnabled(before.id(), false);
            directory.endSessions(before.id());
            Account after = reread(before.username());
            audit(org, "DISABLE", before, after);
            return after;
        });
    }

    public Account enable(UUID organizationId, String username) {
        OrgNode org = manageable(organizationId, "enable members of");
        return keycloak(() -> {
            Account before = member(org, username, "enable");
            directory.setEnabled(before.id(), true);
            Account after = reread(before.username());
            audit(org, "ENABLE", before, after);
            return after;
        });
    }

    /**
     * Moves a member from one organization's group to another's (a transfer, or a reform replacing a department);
     * the caller must be able to manage both. Roles stay; past reports keep their author (the user name).
     */
    public Account move(String username, UUID fromId, UUID toId) {
        OrgNode from = manageable(fromId, "move members out of");
        OrgNode to = manageable(toId, "move members into");
        if (from.id().equals(to.id())) {
            throw new BadUserInputException("toOrganizationId: the member is already in " + to.code());
        }
        return keycloak(() -> {
            Account before = member(from, username, "move");
            directory.join(before.id(), to.code());
            directory.leave(before.id(), from.code());
            Account after = reread(before.username());
            audit(from, "MOVE_OUT", before, after);
            audit(to, "MOVE_IN", before, after);
            return after;
        });
    }

    /** The organization, if the caller may manage its staff; FORBIDDEN otherwise, before anything is read or written. */
    private OrgNode manageable(UUID organizationId, String action) {
        OrgTree tree = organizations.snapshot().await().indefinitely().tree();
        OrgNode org = tree.byId(organizationId);
        if (org == null) {
            throw new NotFoundException("organizationId: no organization " + organizationId);
        }
        if (!mayManage(tree, org.code())) {
            throw new ForbiddenException(caller.username() + " may not " + action + " " + org.code()
                    + ": department administrators manage only their own organization " + caller.orgCodes() + " and those below it");
        }
        if (org.kind() == OrgKind.COLLECTIVE) {
            throw new BadUserInputException("organizationId: " + org.code() + " is a collective; it has no members of its own");
        }
        return org;
    }

    private boolean mayManage(OrgTree tree, String orgCode) {
        if (caller.isAdmin()) {
            return true;
        }
        if (!caller.roles().contains(StaffRole.ORG_ADMIN_ROLE)) {
            return false;
        }
        Set<String> own = Set.copyOf(caller.orgCodes());
        for (OrgNode node = tree.byCode(orgCode); node != null; node = tree.parent(node)) {
            if (own.contains(node.code())) {
                return true;
            }
        }
        return false;
    }

    /** An account the caller may change: no admin, and no membership beyond the caller's reach. */
    private void mayChange(Account account, String action) {
        if (caller.isAdmin()) {
            return;
        }
        OrgTree tree = organizations.snapshot().await().indefinitely().tree();
        if (account.roles().contains("admin")) {
            throw new ForbiddenException(caller.username() + " may not " + action + " " + account.username()
                    + ": administrators' accounts are managed in Keycloak");
        }
        List<String> elsewhere = account.orgCodes().stream().filter(code -> !mayManage(tree, code)).sorted().toList();
        if (!elsewhere.isEmpty()) {
            throw new ForbiddenException(caller.username() + " may not " + action + " " + account.username()
                    + ": the account belongs to " + elsewhere + ", outside the organizations " + caller.orgCodes() + " manages");
        }
    }

    private Account member(OrgNode org, String username, String action) {
        String name = username == null ? "" : username.trim().toLowerCase();
        Account account = directory.find(name).filter(a -> a.orgCodes().contains(org.code()))
                .orElseThrow(() -> new NotFoundException("username: " + name + " is not a member of " + org.code()));
        mayChange(account, action);
        return account;
    }

    private Set<StaffRole> assignable(List<StaffRole> roles) {
        Set<StaffRole> wanted = roles == null || roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
        if (!caller.isAdmin() && !DEPARTMENT_ROLES.containsAll(wanted)) {
            throw new ForbiddenException(caller.username() + " may not assign ORG_ADMIN: department administrators assign "
                    + "PLANNER, REPORTER and VIEWER; only admins appoint department administrators");
        }
        return wanted;
    }

    private static Set<String> realmRoles(Set<StaffRole> roles) {
        return roles.stream().map(StaffRole::realmRole).collect(Collectors.toSet());
    }

    private Account reread(String username) {
        return directory.find(username).orElseThrow(() -> new UnavailableException("Keycloak lost the account " + username));
    }

    private void audit(OrgNode org, String action, Account before, Account after) {
        try {
            audit.append(caller.username(), action, org.id(), after.username(), before, after);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Staff change NOT AUDITED: %s %s %s in %s (Keycloak has it)", caller.username(), action,
                    after.username(), org.code());
            throw new UnavailableException("the change was made in Keycloak but its audit entry could not be written: " + e.getMessage());
        }
    }

    private static <T> T keycloak(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (KeycloakUnavailableException e) {
            // Keycloak's 409 on a new account is the staff's to fix, not an outage.
            if (e.getMessage().contains("answered 409")) {
                throw new ConflictException(e.getMessage().contains("email")
                        ? "email: another account already uses this e-mail address"
                        : "username: another account already has this user name");
            }
            throw new UnavailableException("Keycloak: " + e.getMessage());
        }
    }
}
