package gov.planning.org;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import gov.planning.org.keycloak.MemberDirectory;

/** Keycloak group members in place of Keycloak: nmg.zjt has a reporter and a planner, other groups nobody. */
@Singleton
public class FakeMembers implements MemberDirectory {

    @Override
    public List<Member> membersOf(String orgCode, Collection<String> roles) {
        if (!orgCode.equals("nmg.zjt")) {
            return List.of();
        }
        return List.of(new Member("zjt.reporter", "zjt.reporter@planning.local", Set.of("reporter")),
                new Member("zjt.planner", null, Set.of("planner"))).stream()
                .filter(m -> m.roles().stream().anyMatch(roles::contains)).toList();
    }
}
