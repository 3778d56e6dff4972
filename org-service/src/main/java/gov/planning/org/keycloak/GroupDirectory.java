package gov.planning.org.keycloak;

import java.util.List;

/** Where groups live: Keycloak in production, a map in tests of the reconciliation rules. */
public interface GroupDirectory {

    /** A group as sync sees it: where it is and which organization (by {@code org_code}) it stands for. */
    record Group(String id, String name, String parentId, String orgCode, String orgName) {
    }

    /** Every group of the realm (a walk of the whole tree: thousands of requests at a province's scale). */
    List<Group> groups();

    /** The group standing for the organization, as it is now (one search), or null when it has none. */
    Group find(String orgCode);

    String create(String parentId, String name, String orgCode, String orgName);

    void update(String id, String name, String orgCode, String orgName);

    void move(String id, String newParentId, String name, String orgCode, String orgName);

    void delete(String id);
}
