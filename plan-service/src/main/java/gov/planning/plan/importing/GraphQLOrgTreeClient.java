package gov.planning.plan.importing;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import gov.planning.orgclient.OrgOperations;
import gov.planning.orgclient.OrgServiceClient;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * org-service's {@code organization(code:)} and {@code createOrganization}, each one request through
 * {@link OrgServiceClient} (the import's timeout; creating is never retried).
 */
@ApplicationScoped
@DefaultBean
public class GraphQLOrgTreeClient implements OrgTreeClient {

    @Inject
    OrgServiceClient orgService;

    @Override
    public Uni<Government> governmentOf(String issuerCode) {
        return orgService.importLookup("org-service (the issuer's government)", OrgOperations.ISSUER_WITH_ANCESTORS,
                Json.createObjectBuilder().add("code", issuerCode).build()).map(data -> {
                    if (!(data.get("organization") instanceof JsonObject issuer)) {
                        return null;
                    }
                    if ("GOVERNMENT".equals(issuer.getString("kind"))) {
                        return government(issuer);
                    }
                    List<JsonObject> above = issuer.getJsonArray("ancestors").getValuesAs(JsonObject.class);
                    // ancestors come root first: the nearest government is the last one
                    for (int i = above.size() - 1; i >= 0; i--) {
                        if ("GOVERNMENT".equals(above.get(i).getString("kind"))) {
                            return government(above.get(i));
                        }
                    }
                    return null;
                });
    }

    private static Government government(JsonObject o) {
        Set<String> children = o.getJsonArray("children").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("code")).collect(Collectors.toSet());
        return new Government(UUID.fromString(o.getString("id")), o.getString("code"), o.getString("name"), text(o, "region"),
                text(o, "level"), children);
    }

    private static String text(JsonObject o, String field) {
        return o.get(field) == null || o.get(field) == JsonValue.NULL ? null : o.getString(field);
    }

    @Override
    public Uni<UUID> create(String bearer, OrgProposal p) {
        var input = Json.createObjectBuilder().add("code", p.code()).add("name", p.name()).add("kind", p.kind())
                .add("parentCode", p.parentCode())
                .add("shortName", p.shortName() == null ? JsonValue.NULL : Json.createValue(p.shortName()))
                .add("level", p.level() == null ? JsonValue.NULL : Json.createValue(p.level()));
        return orgService.callAs(bearer, "org-service (creating organization " + p.name() + ")", OrgOperations.CREATE_ORGANIZATION,
                Json.createObjectBuilder().add("input", input).build())
                .map(data -> UUID.fromString(data.getJsonObject("createOrganization").getString("id")));
    }
}
