package gov.planning.org;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import gov.planning.testing.EmbeddedPostgresResource;

/** The real PostgreSQL and the token issuer every org-service test runs against (started once per test run). */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "orgs"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public class OrgServiceTestResources {
}
