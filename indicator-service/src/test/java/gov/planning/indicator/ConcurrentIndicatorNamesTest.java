package gov.planning.indicator;

import static gov.planning.indicator.Fixtures.CREATE;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.testing.Concurrently.outcomes;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.planning.testing.Concurrently;
import gov.planning.testing.TestDatabase;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * "One indicator name per plan" is the database's rule (V5 {@code indicator_name_once_per_plan}): a double click, two
 * planners or an import racing a person store one indicator and answer the others CONFLICT, naming the field.
 */
@QuarkusTest
class ConcurrentIndicatorNamesTest {

    private static JsonPath create(String planId, String name) {
        return post(TestTokens.admin(), CREATE, Map.of("planId", planId, "input",
                indicator(name, "%", "AT_LEAST", 60.3, 2020, 65, 2025)));
    }

    private static long stored(String planId) {
        return TestDatabase.count("SELECT count(*) FROM indicator WHERE plan_id = ?", UUID.fromString(planId));
    }

    @Test
    void twentySimultaneousCreationsOfOneNameInOnePlanStoreOneIndicatorAndAnswerTheRestConflict() {
        String plan = FakePlanIssuers.planIssuedBy("nmg");

        List<JsonPath> answers = Concurrently.run(20, () -> create(plan, "常住人口城镇化率"));

        assertThat(outcomes(answers)).containsOnly("ok", "CONFLICT").containsOnlyOnce("ok");
        assertThat(stored(plan)).isEqualTo(1);
        JsonPath refused = answers.stream().filter(a -> a.getString("errors") != null).findFirst().orElseThrow();
        assertThat(refused.getString("errors[0].message")).startsWith("name: ").contains("同名指标").doesNotContain("constraint");
    }

    @Test
    void aNameTypedWithOtherSpacesOrAnotherUnicodeFormIsTheSameNameWhileAnotherPlanMayUseIt() {
        String plan = FakePlanIssuers.planIssuedBy("nmg");
        assertThat(create(plan, "Café率").getString("errors")).isNull();

        JsonPath padded = create(plan, "\u3000Cafe\u0301率 ");

        assertThat(padded.getString("errors[0].extensions.code")).isEqualTo("CONFLICT");
        assertThat(stored(plan)).isEqualTo(1);
        String other = FakePlanIssuers.planIssuedBy("nmg");
        JsonPath elsewhere = post(TestTokens.admin(), "mutation($p: ID!, $input: IndicatorInput!) { createIndicator(planId: $p, input: $input) { name } }",
                Map.of("p", other, "input", indicator(" Café率\u3000", "%", "AT_LEAST", 60.3, 2020, 65, 2025)));
        assertThat(elsewhere.getString("errors")).isNull();
        assertThat(elsewhere.getString("data.createIndicator.name")).isEqualTo("Café率");
    }

    @Test
    void aNameOfSpacesOnlyIsRefusedAsBlank() {
        String plan = FakePlanIssuers.planIssuedBy("nmg");

        JsonPath blank = create(plan, "\u3000\u3000");

        assertThat(blank.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(blank.getString("errors[0].message")).contains("name");
        assertThat(stored(plan)).isZero();
    }
}
