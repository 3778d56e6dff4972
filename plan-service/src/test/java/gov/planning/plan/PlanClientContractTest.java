package gov.planning.plan;

import gov.planning.planclient.PlanOperations;
import gov.planning.testing.ClientContractTest;
import io.quarkus.test.junit.QuarkusTest;

/** plan-client's contract: its {@link PlanOperations} against the schema served here ({@link ClientContractTest}). */
@QuarkusTest
class PlanClientContractTest extends ClientContractTest {

    PlanClientContractTest() {
        super(PlanOperations.all(), "query($p: ID!) { plan(id: $p) { id namez } }", "namez");
    }
}
