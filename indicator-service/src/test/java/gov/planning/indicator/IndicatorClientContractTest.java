package gov.planning.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import gov.planning.indicator.security.ImportedPlanIssuer;
import gov.planning.indicatorclient.IndicatorOperations;
import gov.planning.testing.ClientContractTest;
import io.quarkus.test.junit.QuarkusTest;

/** indicator-client's contract: its {@link IndicatorOperations} against the schema served here ({@link ClientContractTest}). */
@QuarkusTest
class IndicatorClientContractTest extends ClientContractTest {

    IndicatorClientContractTest() {
        super(IndicatorOperations.all(),
                "query($plan: ID) { indicators(planId: $plan, first: 5) { edges { node { id namez } } } }", "namez");
    }

    @Test
    void theHeadersTheImportStatesThePlansIssuerInAreTheOnesThisServiceReads() {
        assertThat(IndicatorOperations.PLAN_ISSUER_HEADER).isEqualTo(ImportedPlanIssuer.PLAN_ISSUER_HEADER);
        assertThat(IndicatorOperations.SERVICE_TOKEN_HEADER).isEqualTo(ImportedPlanIssuer.SERVICE_TOKEN_HEADER);
    }
}
