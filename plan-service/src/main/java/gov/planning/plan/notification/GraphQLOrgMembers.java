package gov.planning.plan.notification;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import gov.planning.orgclient.OrgOperations;
import gov.planning.orgclient.OrgServiceClient;
import io.quarkus.arc.DefaultBean;
import io.quarkus.oidc.client.OidcClient;
import io.smallrye.mutiny.Uni;

/**
 * Asks org-service's {@code organizationMembers(ids, roles)} (members of the organizations' Keycloak groups) as the
 * service identity {@code planning-services}: reminders are sent by the scan, which has no caller whose token could
 * be forwarded. Tests replace this bean ({@link DefaultBean}).
 */
@ApplicationScoped
@DefaultBean
public class GraphQLOrgMembers implements OrgMembers {

    @Inject
    OidcClient oidc;

    @Inject
    OrgServiceClient orgService;

    @Override
    public Uni<Map<UUID, Contacts>> of(Collection<UUID> orgIds, Set<String> roles) {
        if (orgIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        var ids = Json.createArrayBuilder();
        orgIds.forEach(id -> ids.add(id.toString()));
        JsonObject variables = Json.createObjectBuilder().add("ids", ids).add("roles", Json.createArrayBuilder(List.copyOf(roles))).build();
        return oidc.getTokens()
                .chain(tokens -> orgService.lookupAs(tokens.getAccessToken(), "organization members", OrgOperations.ORGANIZATION_MEMBERS, variables))
                .map(data -> parse(data.getJsonArray("organizationMembers")));
    }

    static Map<UUID, Contacts> parse(JsonArray orgs) {
        Map<UUID, Contacts> found = new HashMap<>();
        for (JsonValue value : orgs) {
            JsonObject org = value.asJsonObject();
            List<Member> members = org.getJsonArray("members").stream().map(JsonValue::asJsonObject)
                    .map(m -> new Member(m.getString("username"), m.isNull("email") ? null : m.getString("email"),
                            new HashSet<>(m.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString))))
                    .toList();
            UUID id = UUID.fromString(org.getString("id"));
            found.put(id, new Contacts(id, org.getString("code"), org.getString("name"), members));
        }
        return found;
    }
}
