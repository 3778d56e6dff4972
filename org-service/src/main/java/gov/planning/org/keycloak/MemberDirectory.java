package gov.planning.org.keycloak;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Who belongs to an organization: the direct members of its Keycloak group, with realm roles and e-mail. */
public interface MemberDirectory {

    record Member(String username, String email, Set<String> roles) {
    }

    /** The members of the group whose {@code org_code} is {@code orgCode} holding any of {@code roles}; none if no group. */
    List<Member> membersOf(String orgCode, Collection<String> roles);
}
