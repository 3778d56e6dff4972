package gov.planning.indicator;

import gov.planning.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real PostgreSQL and the token issuer every indicator-service test runs against (started once per test run). */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "indicators"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public class IndicatorServiceTestResources {
}
