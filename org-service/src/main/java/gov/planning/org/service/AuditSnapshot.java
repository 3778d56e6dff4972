package gov.planning.org.service;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.planning.org.entity.CollectiveRule;
import gov.planning.org.entity.Organization;

/** The JSON state of an organization the audit log keeps before and after each write. */
public final class AuditSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditSnapshot() {
    }

    public static String of(Organization org, CollectiveRule rule) {
        if (org == null) {
            return null;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", String.valueOf(org.id));
        state.put("code", org.code);
        state.put("name", org.name);
        state.put("shortName", org.shortName);
        state.put("aliases", org.aliases == null ? new String[0] : org.aliases);
        state.put("kind", org.kind == null ? null : org.kind.name());
        state.put("level", org.level == null ? null : org.level.name());
        state.put("region", org.region);
        state.put("parentId", org.parentId == null ? null : org.parentId.toString());
        state.put("validFrom", org.validFrom == null ? null : org.validFrom.toString());
        state.put("validTo", org.validTo == null ? null : org.validTo.toString());
        state.put("successorId", org.successorId == null ? null : org.successorId.toString());
        state.put("version", org.version);
        if (rule != null) {
            state.put("memberRule", Map.of("underId", rule.underId.toString(), "kind", rule.memberKind.name(),
                    "level", rule.memberLevel == null ? "" : rule.memberLevel.name()));
        }
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
