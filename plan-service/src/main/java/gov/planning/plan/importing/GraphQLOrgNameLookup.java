package gov.planning.plan.importing;

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

import gov.planning.orgclient.OrgOperations;
import gov.planning.orgclient.OrgServiceClient;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * All lists of one document in a single request to org-service ({@link OrgOperations#resolveNames}, sent by
 * {@link OrgServiceClient}): each list is one alias of {@code resolveOrganizationNames}, so prefix carry-over stays
 * within its list and the import costs one round trip.
 */
@ApplicationScoped
@DefaultBean
public class GraphQLOrgNameLookup implements OrgNameLookup {

    @Inject
    OrgServiceClient orgService;

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
        JsonObjectBuilder variables = Json.createObjectBuilder();
        variables.add("ctx", contextCode == null ? JsonValue.NULL : Json.createValue(contextCode));
        variables.add("asOf", asOf == null ? JsonValue.NULL : Json.createValue(asOf.toString()));
        for (int i : asked) {
            JsonArrayBuilder names = Json.createArrayBuilder();
            lists.get(i).forEach(names::add);
            variables.add("n" + i, names);
        }
        return orgService.call("org-service (resolving organization names)", OrgOperations.resolveNames(asked), variables.build()).map(data -> {
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
