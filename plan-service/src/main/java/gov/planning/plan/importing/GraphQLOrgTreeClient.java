package gov.planning.plan.importing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import gov.planning.common.remote.ServiceGraphQL;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** org-service's {@code organization(code:)} and {@code createOrganization}, each one request. */
@ApplicationScoped
@DefaultBean
public class GraphQLOrgTreeClient implements OrgTreeClient {

    private static final String FIELDS = "id code name kind level region children { code }";

    @Inject
    ServiceGraphQL graphql;

    @ConfigProperty(name = "planning.service-call.timeout", defaultValue = "PT20S")
    Duration timeout;

    @ConfigProperty(name = "planning.org-service.url")
    String url;

    @Override
    public Uni<Government> governmentOf(String issuerCode) {
        return graphql.lookup(url, "org-service (the issuer's government)",
                "query($code: String) { organization(code: $code) { " + FIELDS + " ancestors { " + FIELDS + " } } }",
                Json.createObjectBuilder().add("code", issuerCode).build(), timeout).map(data -> {
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
        return graphql.callAs(bearer, url, "org-service (creating organization " + p.name() + ")",
                "mutation($input: OrganizationInput!) { createOrganization(input: $input) { id } }",
                Json.createObjectBuilder().add("input", input).build(), timeout)
                .map(data -> UUID.fromString(data.getJsonObject("createOrganization").getString("id")));
    }
}
