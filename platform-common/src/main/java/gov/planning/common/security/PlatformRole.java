package gov.planning.common.security;

import java.util.Arrays;
import java.util.List;

/** The realm roles of the {@code planning} realm (docs/domain.md §4). */
public enum PlatformRole {
    ADMIN, PLANNER, REPORTER, VIEWER;

    public String roleName() {
        return name().toLowerCase();
    }

    static List<String> names(PlatformRole... roles) {
        return Arrays.stream(roles).map(PlatformRole::roleName).toList();
    }
}
