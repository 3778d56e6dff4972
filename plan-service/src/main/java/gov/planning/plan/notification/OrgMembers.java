package gov.planning.plan.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Who is reached in an organization: the members of its Keycloak group (org-service owns the link between
 * organizations and groups) with their realm roles and e-mail addresses. Reminders go to the reporters of the
 * responsible organization, escalations to the planners of the lead and issuing organizations.
 */
public interface OrgMembers {

    record Member(String username, String email, Set<String> roles) {
    }

    /** An organization's code (the key of its webhook, {@code planning.webhooks.<code>.url}) and members. */
    record Contacts(UUID orgId, String code, String name, List<Member> members) {

        public List<Member> withRole(String role) {
            return members.stream().filter(m -> m.roles().contains(role)).toList();
        }
    }

    /** Per organization id that org-service knows: its code, name and members holding any of {@code roles}. */
    Uni<Map<UUID, Contacts>> of(Collection<UUID> orgIds, Set<String> roles);
}
