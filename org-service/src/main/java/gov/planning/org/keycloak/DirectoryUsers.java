package gov.planning.org.keycloak;

import java.util.List;

/** What directory placement needs from Keycloak: who signed in, what their account says, and joining a group. */
public interface DirectoryUsers {

    /** A successful sign-in (Keycloak's LOGIN event) at {@code time} (epoch milliseconds). */
    record Login(String userId, long time) {
    }

    /**
     * An account as placement sees it: {@code fromDirectory} when a user federation (LDAP) links it; the
     * department's code and name as the directory gives them (user attributes org_code/org_name, may be null).
     */
    record Account(String id, String username, boolean fromDirectory, String orgCode, String orgName, boolean inAnyGroup) {
    }

    /** Sign-ins at or after {@code since}, oldest first. */
    List<Login> loginsSince(long since);

    /** The account, or null when it is gone. */
    Account account(String userId);

    /** The id of the group standing for the organization, or null when it has none. */
    String groupIdOf(String orgCode);

    void join(String userId, String groupId);
}
