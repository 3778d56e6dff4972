package gov.planning.org.staff;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Staff accounts where they live: Keycloak's users in production ({@link KeycloakStaff}), a map in tests. Blocking:
 * call it on a worker thread. Organizations are named by code, which is also the name of their group.
 */
public interface StaffDirectory {

    /** A user as the staff screens see it; {@code roles} are the platform realm roles held directly. */
    record Account(String id, String username, String firstName, String lastName, String email, boolean enabled,
            Set<String> roles, Set<String> orgCodes) {
    }

    /**
     * An account in no organization's group (待分配): signed in through the government's identity provider or
     * directory whose department the platform could not tell. {@code claimedOrgCode}/{@code claimedOrgName} are what
     * that provider said (user attributes org_code/org_name), null when it said nothing.
     */
    record Pending(Account account, String claimedOrgCode, String claimedOrgName) {
    }

    record NewAccount(String username, String firstName, String lastName, String email, String temporaryPassword) {
    }

    /** The direct members of the organization's group, enabled or not; none when it has no group. */
    List<Account> members(String orgCode);

    Optional<Account> find(String username);

    /**
     * Every account in no organization's group, service accounts aside: reads every user of the realm, so only the
     * background rescan of {@link PendingAccounts} calls it, never a request.
     */
    List<Pending> pending();

    /** The account with this id if it is still in no organization's group; empty when it joined one or is gone. */
    Optional<Pending> waiting(String userId);

    /** Creates an enabled user with no group and no role; answers its id. */
    String create(NewAccount account);

    void join(String userId, String orgCode);

    void leave(String userId, String orgCode);

    void grant(String userId, Set<String> roles);

    void revoke(String userId, Set<String> roles);

    void setEnabled(String userId, boolean enabled);

    /** Ends every session of the user: their refresh tokens stop working at once. */
    void endSessions(String userId);
}
