package gov.planning.plan.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Multi;
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

    /**
     * Organizations asked per request. org-service reads each one's Keycloak group and members with a few admin calls
     * (~0.1–0.3 s each at a province's 20,000 groups), so a province's daily scan (thousands of organizations) asked in
     * one request outlived the look-up timeout, failed, and left org-service and Keycloak working for a quarter of an
     * hour on an answer nobody read (bench/scale, 2026-12-07). Batches stay well within the timeout, and are asked
     * one after another so that the scan never floods Keycloak, which also signs everyone in.
     */
    static final int ORGANIZATIONS_PER_REQUEST = 10;

    @Override
    public Uni<Map<UUID, Contacts>> of(Collection<UUID> orgIds, Set<String> roles) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(orgIds));
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<List<UUID>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += ORGANIZATIONS_PER_REQUEST) {
            batches.add(distinct.subList(from, Math.min(distinct.size(), from + ORGANIZATIONS_PER_REQUEST)));
        }
        ServiceToken token = new ServiceToken();
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> token.get().chain(bearer -> ask(bearer, batch, roles)))
                .collect().in(HashMap<UUID, Contacts>::new, Map::putAll);
    }

    private Uni<Map<UUID, Contacts>> ask(String bearer, List<UUID> orgIds, Set<String> roles) {
        var ids = Json.createArrayBuilder();
        orgIds.forEach(id -> ids.add(id.toString()));
        JsonObject variables = Json.createObjectBuilder().add("ids", ids).add("roles", Json.createArrayBuilder(List.copyOf(roles))).build();
        return orgService.lookupAs(bearer, "organization members", OrgOperations.ORGANIZATION_MEMBERS, variables)
                .map(data -> parse(data.getJsonArray("organizationMembers")));
    }

    /** The service identity's token for one scan, fetched again when it is about to expire (a long scan outlives one). */
    private final class ServiceToken {

        private Tokens tokens;

        Uni<String> get() {
            if (tokens != null && (tokens.getAccessTokenExpiresAt() == null
                    || tokens.getAccessTokenExpiresAt() > java.time.Instant.now().plusSeconds(30).getEpochSecond())) {
                return Uni.createFrom().item(tokens.getAccessToken());
            }
            return oidc.getTokens().invoke(fresh -> tokens = fresh).map(Tokens::getAccessToken);
        }
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
