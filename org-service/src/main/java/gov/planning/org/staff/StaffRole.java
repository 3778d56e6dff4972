package gov.planning.org.staff;

import java.util.Set;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** The realm roles a staff screen assigns. {@code admin} is not among them: it is granted in Keycloak itself. */
@Enum("StaffRole")
@Description("A realm role assigned to a staff member: PLANNER, REPORTER, VIEWER (department administrators and admins), "
        + "ORG_ADMIN (department administrator; admins only).")
public enum StaffRole {
    PLANNER("planner"), REPORTER("reporter"), VIEWER("viewer"), ORG_ADMIN("org-admin");

    /** The realm role of department administrators (docs/domain.md §4). */
    public static final String ORG_ADMIN_ROLE = "org-admin";

    /** The realm roles the platform knows; an account shows only these, not Keycloak's defaults. */
    public static final Set<String> PLATFORM_ROLES = Set.of("admin", "planner", "reporter", "viewer", ORG_ADMIN_ROLE);

    private final String realmRole;

    StaffRole(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public static StaffRole ofRealmRole(String name) {
        for (StaffRole role : values()) {
            if (role.realmRole.equals(name)) {
                return role;
            }
        }
        return null;
    }
}
