package gov.planning.org.staff;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.api.Ids;
import gov.planning.common.audit.FieldChange;
import gov.planning.common.audit.HistoryEntry;
import io.smallrye.common.annotation.Blocking;

/** Department administrators managing their organization's staff (StaffAdmin has the rules). */
@GraphQLApi
public class StaffApi {

    @Type("StaffMember")
    @Description("A staff account of an organization (a Keycloak user in its group).")
    public record Member(@NonNull String username, String firstName, String lastName, String email,
            @NonNull Boolean enabled, @NonNull List<@NonNull StaffRole> roles,
            @Description("Codes of every organization the account belongs to.") @NonNull List<@NonNull String> organizationCodes,
            @Description("Holds the admin role (granted in Keycloak only; not manageable here).") @NonNull Boolean admin) {

        static Member of(StaffDirectory.Account a) {
            return new Member(a.username(), a.firstName(), a.lastName(), a.email(), a.enabled(),
                    a.roles().stream().map(StaffRole::ofRealmRole).filter(java.util.Objects::nonNull).sorted().toList(),
                    a.orgCodes().stream().sorted().toList(), a.roles().contains("admin"));
        }
    }

    @Type("PendingAccount")
    @Description("An account that signed in but belongs to no organization yet (待分配): it sees no data until placed "
            + "with addStaffMember (its username, the organization, roles).")
    public record Pending(@NonNull Member account,
            @Description("The department code the identity provider or directory gave (org_code), if any.") String claimedOrganizationCode,
            @Description("The department name it gave (org_name), if any.") String claimedOrganizationName,
            @Description("The organization that claim names, when it names exactly one in force; a suggestion for placing.") @Id String suggestedOrganizationId,
            String suggestedOrganizationCode, String suggestedOrganizationName) {
    }

    @Input("NewStaffMember")
    @Description("A colleague to add: an existing account by username (names are then ignored), or a new one.")
    public record NewMember(@NonNull String username, String firstName, String lastName, String email,
            @Description("For a new account: a first password the user must change at the first login.") String temporaryPassword,
            @NonNull List<@NonNull StaffRole> roles) {
    }

    @Type("StaffChange")
    @Description("One audited change to an organization's staff: who, when, what, whose account, which fields.")
    public record Change(@NonNull OffsetDateTime at, @NonNull String actor,
            @Description("CREATE, JOIN, SET_ROLES, DISABLE, ENABLE, MOVE_IN or MOVE_OUT.") @NonNull String action,
            @NonNull String username, @NonNull List<@NonNull FieldChange> changes) {
    }

    @Inject
    StaffAdmin staff;

    @Query
    @Blocking
    @Description("The members of an organization (admins; department administrators for their own organization and below).")
    public @NonNull List<@NonNull Member> staffMembers(@Id @NonNull String organizationId) {
        return staff.members(Ids.parse("organizationId", organizationId)).stream().map(Member::of)
                .sorted(java.util.Comparator.comparing(Member::username)).toList();
    }

    @Query
    @Blocking
    @Description("Accounts in no organization (待分配): all for admins; for a department administrator those whose claimed "
            + "department lies in their organization or below.")
    public @NonNull List<@NonNull Pending> pendingAccounts() {
        return staff.pending().stream().map(p -> new Pending(Member.of(p.account()), p.claimedOrgCode(), p.claimedOrgName(),
                p.claimed() == null ? null : p.claimed().id().toString(), p.claimed() == null ? null : p.claimed().code(),
                p.claimed() == null ? null : p.claimed().name())).toList();
    }

    @Query
    @Blocking
    @Description("Changes to an organization's staff, newest first (first: default 50, at most 500; who may see the members may see these).")
    public @NonNull List<@NonNull Change> staffHistory(@Id @NonNull String organizationId, Integer first) {
        return staff.history(Ids.parse("organizationId", organizationId), first == null ? 50 : first).stream().map(e -> new Change(e.at(), e.actor(),
                e.action(), e.username(), HistoryEntry.of(e.at(), e.actor(), e.action(), e.before(), e.after()).changes())).toList();
    }

    @Mutation
    @Blocking
    @Description("Adds a colleague to the organization with roles: a new account, or an existing one that belongs to no "
            + "organization outside the caller's reach.")
    public @NonNull Member addStaffMember(@Id @NonNull String organizationId, @NonNull @Name("input") NewMember input) {
        return Member.of(staff.add(Ids.parse("organizationId", organizationId), input.username(), input.firstName(),
                input.lastName(), input.email(), input.temporaryPassword(), input.roles()));
    }

    @Mutation("setStaffRoles")
    @Blocking
    @Description("Replaces a member's roles (PLANNER, REPORTER, VIEWER; ORG_ADMIN by admins only).")
    public @NonNull Member setStaffRoles(@Id @NonNull String organizationId, @NonNull String username,
            @NonNull List<@NonNull StaffRole> roles) {
        return Member.of(staff.setRoles(Ids.parse("organizationId", organizationId), username, roles));
    }

    @Mutation
    @Blocking
    @Description("Disables a member's account and ends their sessions (their refresh fails at once).")
    public @NonNull Member disableStaffMember(@Id @NonNull String organizationId, @NonNull String username) {
        return Member.of(staff.disable(Ids.parse("organizationId", organizationId), username));
    }

    @Mutation
    @Blocking
    @Description("Enables a disabled member's account again.")
    public @NonNull Member enableStaffMember(@Id @NonNull String organizationId, @NonNull String username) {
        return Member.of(staff.enable(Ids.parse("organizationId", organizationId), username));
    }

    @Mutation
    @Blocking
    @Description("Moves a member from one organization to another (the caller must manage both); roles stay.")
    public @NonNull Member moveStaffMember(@NonNull String username, @Id @NonNull String fromOrganizationId,
            @Id @NonNull String toOrganizationId) {
        return Member.of(staff.move(username, Ids.parse("fromOrganizationId", fromOrganizationId),
                Ids.parse("toOrganizationId", toOrganizationId)));
    }
}
