package gov.planning.org.keycloak;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.DefaultBean;

/** Members from Keycloak's admin API (tests replace this bean). Blocking: call it on a worker thread. */
@ApplicationScoped
@DefaultBean
public class KeycloakMembers implements MemberDirectory {

    @Inject
    KeycloakAdminClient keycloak;

    @Override
    public List<Member> membersOf(String orgCode, Collection<String> roles) {
        return keycloak.members(orgCode, roles);
    }
}
