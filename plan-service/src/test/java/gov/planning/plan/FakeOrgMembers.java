package gov.planning.plan;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;

import gov.planning.plan.notification.OrgMembers;
import io.smallrye.mutiny.Uni;

/**
 * The members of the test organizations' Keycloak groups, in place of org-service: per organization of
 * {@link FakeOrgTree}, a reporter {@code reporter.<code>} and a planner {@code planner.<code>} (the usernames
 * {@code TestTokens} signs), each with the address {@code <username>@planning.test}; nmg.zjt has a second reporter
 * without an address. Counts the lookups, so tests can tell a scan that asked from one that did not.
 */
@Singleton
public class FakeOrgMembers implements OrgMembers {

    static final String NO_ADDRESS = "noaddress.nmg.zjt";

    static String email(String username) {
        return username + "@planning.test";
    }

    @Override
    public Uni<Map<UUID, Contacts>> of(Collection<UUID> orgIds, Set<String> roles) {
        Map<UUID, Contacts> found = new HashMap<>();
        for (String code : new FakeOrgTree().allCodes()) {
            UUID id = FakeOrgTree.id(code);
            if (!orgIds.contains(id)) {
                continue;
            }
            List<Member> all = new java.util.ArrayList<>(List.of(
                    new Member("reporter." + code, email("reporter." + code), Set.of("reporter")),
                    new Member("planner." + code, email("planner." + code), Set.of("planner"))));
            if (code.equals("nmg.zjt")) {
                all.add(new Member(NO_ADDRESS, null, Set.of("reporter")));
            }
            found.put(id, new Contacts(id, code, "单位:" + code,
                    all.stream().filter(m -> m.roles().stream().anyMatch(roles::contains)).toList()));
        }
        return Uni.createFrom().item(found);
    }
}
