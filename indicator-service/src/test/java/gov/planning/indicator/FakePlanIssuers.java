package gov.planning.indicator;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import gov.planning.planclient.PlanIssuers;
import io.smallrye.mutiny.Uni;

/**
 * Plans the tests declare with their issuer, in place of plan-service. A plan never declared is one plan-service does
 * not know (unknown issuer).
 */
@Alternative
@Priority(1)
@Singleton
public class FakePlanIssuers implements PlanIssuers {

    private static final Map<UUID, UUID> ISSUERS = new ConcurrentHashMap<>();

    /** A new plan issued by the organization of the code; answers its id. */
    static String planIssuedBy(String code) {
        UUID plan = UUID.randomUUID();
        ISSUERS.put(plan, FakeOrgTree.id(code));
        return plan.toString();
    }

    /** A new plan of nmg, for tests not about who may set indicators. */
    static String newPlan() {
        return planIssuedBy("nmg");
    }

    @Override
    public Uni<UUID> issuerOf(UUID planId) {
        return Uni.createFrom().item(ISSUERS.get(planId));
    }
}
