package gov.planning.org;

import gov.planning.orgclient.OrgOperations;
import gov.planning.testing.ClientContractTest;
import io.quarkus.test.junit.QuarkusTest;

/** org-client's contract: its {@link OrgOperations} against the schema served here ({@link ClientContractTest}). */
@QuarkusTest
class OrgClientContractTest extends ClientContractTest {

    OrgClientContractTest() {
        super(OrgOperations.all(), "query($c: String) { organization(code: $c) { id descendantz { id } } }", "descendantz");
    }
}
