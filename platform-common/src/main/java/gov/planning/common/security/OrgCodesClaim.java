package gov.planning.common.security;

import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the {@code org_codes} claim, which Keycloak writes as a JSON array (a string if a mapper is misconfigured). */
final class OrgCodesClaim {

    private OrgCodesClaim() {
    }

    static List<String> read(JsonWebToken token) {
        Object claim = token.getClaim(Caller.ORG_CODES_CLAIM);
        if (claim instanceof JsonArray array) {
            return array.stream().filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                    .map(v -> ((JsonString) v).getString()).toList();
        }
        if (claim instanceof JsonString single) {
            return List.of(single.getString());
        }
        if (claim instanceof String single) {
            return List.of(single);
        }
        return List.of();
    }
}
