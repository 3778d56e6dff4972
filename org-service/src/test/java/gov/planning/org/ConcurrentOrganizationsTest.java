package gov.planning.org;

import static gov.planning.testing.Concurrently.outcomes;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.Concurrently;
import gov.planning.testing.TestDatabase;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** One organization per code, also when admins race: the database decides, the others get CONFLICT. */
@QuarkusTest
class ConcurrentOrganizationsTest {

    @Test
    void twentySimultaneousCreationsOfOneCodeStoreOneAndTheOthersAreConflictNamingTheCode() {
        String code = "race" + System.nanoTime();
        Map<String, Object> input = Map.of("code", code, "name", "并发厅", "kind", "DEPARTMENT", "level", "PROVINCE");

        List<JsonPath> answers = Concurrently.run(20, () -> post(TestTokens.admin(),
                "mutation($input: OrganizationInput!) { createOrganization(input: $input) { id } }", Map.of("input", input)));

        assertThat(outcomes(answers)).isSubsetOf("ok", "CONFLICT").filteredOn("ok"::equals).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getString("errors") != null)
                .allSatisfy(a -> assertThat(a.getString("errors[0].message")).containsIgnoringCase("code")
                        .doesNotContain("organization_code_unique"));
        assertThat(TestDatabase.count("SELECT count(*) FROM organization WHERE code = ?", code)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_trail a JOIN organization o ON o.id = a.entity_id "
                + "WHERE o.code = ?", code)).isEqualTo(1);
    }
}
