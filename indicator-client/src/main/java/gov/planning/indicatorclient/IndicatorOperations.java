package gov.planning.indicatorclient;

import java.util.List;

/**
 * Every GraphQL operation sent to indicator-service, in one place. indicator-service's build validates {@link #all()}
 * against the schema it serves ({@code IndicatorClientContractTest}), so a renamed field a client uses fails there, not
 * in production. Plain Java on purpose: indicator-service's tests load this class without the client's dependencies.
 */
public final class IndicatorOperations {

    private IndicatorOperations() {
    }

    /** A plan's indicators by name (a re-import skips those that exist). A plan names tens; one page of 500 is all. */
    public static final String INDICATORS_OF_PLAN = "query($plan: ID) { indicators(planId: $plan, first: 500) { edges { node { id name } } } }";

    public static final String CREATE_INDICATOR = "mutation($plan: ID!, $input: IndicatorInput!) { createIndicator(planId: $plan, input: $input) { id } }";

    public static final String DELETE_INDICATOR = "mutation($id: ID!) { deleteIndicator(id: $id) }";

    public static final String SET_REGIONAL_TARGETS = "mutation($id: ID!, $period: String!, $rows: [RegionalTargetInput!]!, $total: Float, $unit: String) "
            + "{ setRegionalTargets(indicatorId: $id, period: $period, rows: $rows, total: $total, unit: $unit) { period } }";

    /**
     * The import's writes name the plan they write and its issuer, {@code <planId> <issuerId>}: the plan is hidden while
     * its importer writes it, so indicator-service cannot read its issuer from plan-service (decision 0007).
     */
    public static final String PLAN_ISSUER_HEADER = "Planning-Plan-Issuer";

    /** The sending service's own access token (its service identity), which vouches for {@link #PLAN_ISSUER_HEADER}. */
    public static final String SERVICE_TOKEN_HEADER = "Planning-Service-Token";

    /** Every operation the client sends. */
    public static List<String> all() {
        return List.of(INDICATORS_OF_PLAN, CREATE_INDICATOR, DELETE_INDICATOR, SET_REGIONAL_TARGETS);
    }
}
