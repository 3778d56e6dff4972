package gov.planning.org.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.planning.common.audit.AuditSnapshot;
import gov.planning.org.entity.CollectiveRule;
import gov.planning.org.entity.Organization;

/** The state of an organization the audit trail keeps before and after each write. */
public final class OrganizationSnapshot {

    private OrganizationSnapshot() {
    }

    public static AuditSnapshot of(Organization org, CollectiveRule rule) {
        if (org == null) {
            return null;
        }
        AuditSnapshot state = AuditSnapshot.of("Organization", org.id)
                .put("code", org.code)
                .put("name", org.name)
                .put("shortName", org.shortName)
                .put("aliases", org.aliases == null ? List.of() : List.of(org.aliases))
                .put("kind", org.kind)
                .put("level", org.level)
                .put("region", org.region)
                .put("parentId", org.parentId)
                .put("validFrom", org.validFrom)
                .put("validTo", org.validTo)
                .put("successorId", org.successorId);
        if (rule != null) {
            Map<String, Object> memberRule = new LinkedHashMap<>();
            memberRule.put("underId", rule.underId);
            memberRule.put("kind", rule.memberKind);
            memberRule.put("level", rule.memberLevel == null ? "" : rule.memberLevel.name());
            state.put("memberRule", memberRule);
        }
        return state;
    }
}
