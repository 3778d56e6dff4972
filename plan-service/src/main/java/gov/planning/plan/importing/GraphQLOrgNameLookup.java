package gov.planning.plan.importing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import gov.planning.common.remote.ServiceGraphQL;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * All lists of one document in a single request to org-service: each list is one alias of
 * {@code resolveOrganizationNames}, so prefix carry-over stays within its list and the import costs one round trip.
 */
@ApplicationScoped
@DefaultBean
public class GraphQLOrgNameLookup implements OrgNameLookup {

    @Inject
    ServiceGraphQL graphql;

    // Creating a plan's indicators and targets can take a while on a busy machine; a lookup is quicker.
    @ConfigProperty(name = "planning.service-call.timeout", defaultValue = "PT20S")
    Duration timeout;

    @ConfigProperty(name = "planning.org-service.url")
    String url;

    @Override
    public Uni<List<List<NameMatch>>> resolve(List<List<String>> lists, String contextCode, LocalDate asOf) {
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            if (!lists.get(i).isEmpty()) {
                asked.add(i);
            }
        }
        if (asked.isEmpty()) {
            return Uni.createFrom().item(lists.stream().map(l -> List.<NameMatch>of()).toList());
        }
        StringBuilder query = new StringBuilder("query($ctx: String, $asOf: Date");
        StringBuilder body = new StringBuilder();
        JsonObjectBuilder variables = Json.createObjectBuilder();
        variables.add("ctx", contextCode == null ? JsonValue.NULL : Json.createValue(contextCode));
        variables.add("asOf", asOf == null ? JsonValue.NULL : Json.createValue(asOf.toString()));
        for (int i : asked) {
            query.append(", $n").append(i).append(": [String!]!");
            body.append(" r").append(i).append(": resolveOrganizationNames(names: $n").append(i)
                    .append(", contextCode: $ctx, asOf: $asOf) { input organization { id code } candidates { id } }");
            JsonArrayBuilder names = Json.createArrayBuilder();
            lists.get(i).forEach(names::add);
            variables.add("n" + i, names);
        }
        query.append(") {").append(body).append(" }");
        return graphql.call(url, "org-service (resolving organization names)", query.toString(), variables.build(), timeout).map(data -> {
            List<List<NameMatch>> out = new ArrayList<>();
            for (int i = 0; i < lists.size(); i++) {
                List<NameMatch> matches = new ArrayList<>();
                if (!lists.get(i).isEmpty()) {
                    var answers = data.getJsonArray("r" + i);
                    for (int j = 0; j < lists.get(i).size(); j++) {
                        JsonObject match = answers.getJsonObject(j);
                        JsonObject resolved = match.get("organization") instanceof JsonObject o ? o : null;
                        UUID org = resolved == null ? null : UUID.fromString(resolved.getString("id"));
                        String code = resolved == null ? null : resolved.getString("code");
                        List<UUID> candidates = match.getJsonArray("candidates").stream()
                                .map(c -> UUID.fromString(c.asJsonObject().getString("id"))).toList();
                        // The name as we sent it, so callers can rely on the order and wording they gave.
                        matches.add(new NameMatch(lists.get(i).get(j), org, code, candidates));
                    }
                }
                out.add(matches);
            }
            return out;
        });
    }
}
