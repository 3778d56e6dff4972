package gov.planning.org.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import gov.planning.org.keycloak.BrokerMapperReconciler;
import gov.planning.org.keycloak.KeycloakAdminClient;
import io.quarkus.arc.DefaultBean;

/**
 * Staff accounts through Keycloak's admin API, as the service identity {@code planning-services}. Its rights are
 * Keycloak's fine-grained admin permissions of the realm (docs/decisions/0008): view, manage, group membership and role
 * mapping of users, mapping only the platform roles (never admin), plus realm-management's query-users/query-groups to
 * reach the list endpoints. Which organization a caller may touch is decided by {@link StaffAdmin} before any call here.
 */
@ApplicationScoped
@DefaultBean
public class KeycloakStaff implements StaffDirectory {

    @Inject
    KeycloakAdminClient keycloak;

    @Override
    public List<Account> members(String orgCode) {
        return keycloak.withGroupOf(orgCode, groupId -> {
            List<Account> found = new ArrayList<>();
            if (groupId != null) {
                for (JsonNode user : keycloak.read("/groups/" + groupId + "/members?briefRepresentation=true&max=10000")) {
                    found.add(account(user));
                }
            }
            return found;
        });
    }

    @Override
    public Optional<Account> find(String username) {
        for (JsonNode user : keycloak.read("/users?exact=true&briefRepresentation=true&username=" + encode(username))) {
            if (username.equalsIgnoreCase(user.path("username").asText())) {
                return Optional.of(account(user));
            }
        }
        return Optional.empty();
    }

    /**
     * Keycloak cannot list users without a group, so each user of the realm (pages of 500, full representation for
     * the attributes) is asked for one group: one read per user, which is why only the background rescan runs it.
     */
    @Override
    public List<Pending> pending() {
        List<Pending> found = new ArrayList<>();
        int page = 500;
        for (int first = 0; ; first += page) {
            JsonNode users = keycloak.read("/users?briefRepresentation=false&first=" + first + "&max=" + page);
            for (JsonNode user : users) {
                // Service accounts (service-account-<client>) are the platform's own identities, never staff.
                if (user.hasNonNull("serviceAccountClientId") || user.path("username").asText().startsWith("service-account-")) {
                    continue;
                }
                if (!keycloak.read("/users/" + user.path("id").asText() + "/groups?briefRepresentation=true&max=1").isEmpty()) {
                    continue;
                }
                JsonNode attributes = user.path("attributes");
                found.add(new Pending(account(user), attribute(attributes, BrokerMapperReconciler.CODE_CLAIM),
                        attribute(attributes, BrokerMapperReconciler.NAME_CLAIM)));
            }
            if (users.size() < page) {
                return found;
            }
        }
    }

    @Override
    public Optional<Pending> waiting(String userId) {
        JsonNode user;
        try {
            user = keycloak.read("/users/" + encode(userId));
        } catch (KeycloakAdminClient.KeycloakUnavailableException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
        if (!keycloak.read("/users/" + encode(userId) + "/groups?briefRepresentation=true&max=1").isEmpty()) {
            return Optional.empty();
        }
        JsonNode attributes = user.path("attributes");
        return Optional.of(new Pending(account(user), attribute(attributes, BrokerMapperReconciler.CODE_CLAIM),
                attribute(attributes, BrokerMapperReconciler.NAME_CLAIM)));
    }

    @Override
    public String create(NewAccount account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", account.username());
        user.put("firstName", account.firstName());
        user.put("lastName", account.lastName());
        if (account.email() != null) {
            user.put("email", account.email());
        }
        user.put("enabled", true);
        if (account.temporaryPassword() != null) {
            // Temporary: Keycloak makes the user choose their own at the first login.
            user.put("credentials", List.of(Map.of("type", "password", "value", account.temporaryPassword(), "temporary", true)));
        }
        return keycloak.write("POST", "/users", user);
    }

    @Override
    public void join(String userId, String orgCode) {
        keycloak.withGroupOf(orgCode, groupId -> keycloak.write("PUT", "/users/" + userId + "/groups/" + requireGroup(orgCode, groupId), null));
    }

    @Override
    public void leave(String userId, String orgCode) {
        keycloak.withGroupOf(orgCode, groupId -> groupId == null ? null : keycloak.write("DELETE", "/users/" + userId + "/groups/" + groupId, null));
    }

    @Override
    public void grant(String userId, Set<String> roles) {
        // Role objects come from the user's "available" list: reading /roles/{name} would need view-realm.
        List<JsonNode> wanted = pick(keycloak.read("/users/" + userId + "/role-mappings/realm/available"), roles);
        if (!wanted.isEmpty()) {
            keycloak.write("POST", "/users/" + userId + "/role-mappings/realm", wanted);
        }
    }

    @Override
    public void revoke(String userId, Set<String> roles) {
        List<JsonNode> held = pick(keycloak.read("/users/" + userId + "/role-mappings/realm"), roles);
        if (!held.isEmpty()) {
            keycloak.write("DELETE", "/users/" + userId + "/role-mappings/realm", held);
        }
    }

    @Override
    public void setEnabled(String userId, boolean enabled) {
        keycloak.write("PUT", "/users/" + userId, Map.of("enabled", enabled));
    }

    @Override
    public void endSessions(String userId) {
        keycloak.write("POST", "/users/" + userId + "/logout", null);
    }

    private Account account(JsonNode user) {
        String id = user.path("id").asText();
        Set<String> roles = new TreeSet<>();
        for (JsonNode role : keycloak.read("/users/" + id + "/role-mappings/realm")) {
            if (StaffRole.PLATFORM_ROLES.contains(role.path("name").asText())) {
                roles.add(role.path("name").asText());
            }
        }
        // A group's name is its organization's code (the realm's org_codes mapper relies on the same rule).
        Set<String> orgCodes = new TreeSet<>();
        for (JsonNode group : keycloak.read("/users/" + id + "/groups?briefRepresentation=true")) {
            orgCodes.add(group.path("name").asText());
        }
        return new Account(id, user.path("username").asText(), text(user, "firstName"), text(user, "lastName"),
                text(user, "email"), user.path("enabled").asBoolean(true), roles, orgCodes);
    }

    private static String requireGroup(String orgCode, String groupId) {
        if (groupId == null) {
            throw new KeycloakAdminClient.KeycloakUnavailableException("no Keycloak group for " + orgCode
                    + " yet (group sync has not caught up; reconcileKeycloakGroups repairs it)");
        }
        return groupId;
    }

    private static List<JsonNode> pick(JsonNode roles, Set<String> names) {
        List<JsonNode> picked = new ArrayList<>();
        roles.forEach(role -> {
            if (names.contains(role.path("name").asText())) {
                picked.add(role);
            }
        });
        return picked;
    }

    private static String attribute(JsonNode attributes, String name) {
        JsonNode values = attributes.path(name);
        String value = values.isArray() && !values.isEmpty() ? values.get(0).asText("") : "";
        return value.isBlank() ? null : value.strip();
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isBlank() ? null : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
