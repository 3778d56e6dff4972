package gov.planning.plan.notification;

import java.io.StringReader;
import java.time.Duration;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;

import gov.planning.common.error.UnavailableException;
import io.quarkus.arc.DefaultBean;
import io.quarkus.oidc.client.OidcClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Asks org-service's {@code organizationMembers(ids, roles)} (members of the organizations' Keycloak groups) as the
 * service identity {@code planning-services}: reminders are sent by the scan, which has no caller whose token could
 * be forwarded. Tests replace this bean ({@link DefaultBean}).
 */
@ApplicationScoped
@DefaultBean
public class GraphQLOrgMembers implements OrgMembers {

    static final String QUERY = """
            query($ids: [String!]!, $roles: [String!]!) {
              organizationMembers(ids: $ids, roles: $roles) { id code name members { username email roles } }
            }""";

    @Inject
    OidcClient oidc;

    @ConfigProperty(name = "planning.org-service.url")
    String url;

    @ConfigProperty(name = "planning.org-service.timeout", defaultValue = "PT5S")
    Duration timeout;

    @Inject
    WebClient client;

    @Override
    public Uni<Map<UUID, Contacts>> of(Collection<UUID> orgIds, Set<String> roles) {
        if (orgIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        var ids = Json.createArrayBuilder();
        orgIds.forEach(id -> ids.add(id.toString()));
        String payload = Json.createObjectBuilder().add("query", QUERY)
                .add("variables", Json.createObjectBuilder().add("ids", ids).add("roles", Json.createArrayBuilder(List.copyOf(roles))))
                .build().toString();
        Context context = io.vertx.core.Vertx.currentContext();
        Uni<Map<UUID, Contacts>> answer = oidc.getTokens()
                .chain(tokens -> client.postAbs(url).putHeader("Content-Type", "application/json")
                        .putHeader("Authorization", "Bearer " + tokens.getAccessToken()).timeout(timeout.toMillis())
                        .sendBuffer(Buffer.buffer(payload)))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new UnavailableException("organization members: " + url + " answered HTTP " + response.statusCode());
                    }
                    JsonObject body = Json.createReader(new StringReader(response.bodyAsString())).readObject();
                    if (body.get("errors") instanceof JsonArray errors && !errors.isEmpty()) {
                        throw new UnavailableException("organization members: " + errors.getJsonObject(0).getString("message", "error"));
                    }
                    return parse(body.getJsonObject("data").getJsonArray("organizationMembers"));
                });
        return context == null ? answer : answer.emitOn(r -> context.runOnContext(v -> r.run()));
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
