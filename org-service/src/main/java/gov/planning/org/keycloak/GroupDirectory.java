package gov.planning.org.keycloak;

import java.util.List;

/** Where groups live: Keycloak in production, a map in tests of the reconciliation rules. */
public interface GroupDirectory {

    /** A group as sync sees it: where it is and which organization (by {@code org_code}) it stands for. */
    record Group(String id, String name, String parentId, String orgCode, String orgName) {
    }

    List<Group> groups();

    String create(String parentId, String name, String orgCode, String orgName);

    void update(String id, String name, String orgCode, String orgName);

    void move(String id, String newParentId, String name, String orgCode, String orgName);

    void delete(String id);
}
