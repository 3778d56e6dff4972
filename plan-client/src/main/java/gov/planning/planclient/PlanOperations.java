package gov.planning.planclient;

import java.util.List;

/**
 * Every GraphQL operation sent to plan-service, in one place. plan-service's build validates {@link #all()} against the
 * schema it serves ({@code PlanClientContractTest}), so a renamed field a client uses fails there, not in production.
 * Plain Java on purpose: plan-service's tests load this class without the client's dependencies.
 */
public final class PlanOperations {

    private PlanOperations() {
    }

    /** A plan's issuing organization (null for a plan plan-service does not know). */
    public static final String PLAN_ISSUER = "query($p: ID!) { planIssuer(planId: $p) }";

    /** Every operation the client sends. */
    public static List<String> all() {
        return List.of(PLAN_ISSUER);
    }
}
