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

    /**
     * A plan's issuing organization, read as any client reads it: plan-service answers null for a plan it does not know
     * and for one still being imported (the import tells indicator-service the issuer itself, decision 0007).
     */
    public static final String PLAN_ISSUER = "query($p: ID!) { plan(id: $p) { issuer { id } } }";

    /** Every operation the client sends. */
    public static List<String> all() {
        return List.of(PLAN_ISSUER);
    }
}
