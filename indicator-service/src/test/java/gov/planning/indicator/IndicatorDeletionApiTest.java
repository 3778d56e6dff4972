package gov.planning.indicator;

import static gov.planning.indicator.Fixtures.count;
import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.newId;
import static gov.planning.indicator.Fixtures.record;
import static gov.planning.indicator.Fixtures.row;
import static gov.planning.indicator.Fixtures.setTargets;
import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Taking back an indicator set by mistake (or by an import that failed half-way): never one with recorded values. */
@QuarkusTest
class IndicatorDeletionApiTest {

    private static final String DELETE = "mutation($id: ID!) { deleteIndicator(id: $id) }";

    @Inject
    DataSource db;

    private static JsonPath delete(String token, String id) {
        return post(token, DELETE, Map.of("id", id));
    }

    @Test
    void aPlannerOfTheIssuerDeletesAnIndicatorWithItsRegionalTargetsAndTheAuditKeepsWhatItWas() {
        String planId = FakePlanIssuers.planIssuedBy("nmg");
        String id = create(planId, indicator("草原禁牧面积", "万亩", "AT_LEAST", 80.0, 2020, 100, 2025));
        assertThat(setTargets(TestTokens.admin(), id, "2021-2025", List.of(row(FakeOrgTree.ids("nmg.hhht"), 60), row(FakeOrgTree.ids("nmg.chifeng"), 40)), 100.0, null)
                .getString("errors")).isNull();

        JsonPath deleted = delete(TestTokens.planner("nmg"), id);

        assertThat(deleted.getString("errors")).isNull();
        assertThat(deleted.getString("data.deleteIndicator")).isEqualTo(id);
        JsonPath listed = post(TestTokens.viewer(), "query($p: ID!) { indicators(planId: $p) { edges { node { id } } } }", Map.of("p", planId));
        assertThat(listed.getList("data.indicators.edges")).isEmpty();
        assertThat(count(db, "regional_target", "indicator_id", id)).isZero();
        assertThat(Fixtures.auditTrail(db, id)).containsExactly("admin CREATE_INDICATOR after", "admin SET_REGIONAL_TARGETS after",
                "planner.nmg DELETE_INDICATOR before");
    }

    @Test
    void anIndicatorWithRecordedValuesIsNotDeletedAndStaysAsItWas() {
        String id = create(FakePlanIssuers.planIssuedBy("nmg"), indicator("常住人口城镇化率", "%", "AT_LEAST", 60.3, 2015, 65, 2020));
        assertThat(record(TestTokens.admin(), id, null, "2020", 63.0, "统计公报").getString("errors")).isNull();

        JsonPath refused = delete(TestTokens.admin(), id);

        assertThat(firstErrorCode(refused)).isEqualTo("CONFLICT");
        assertThat(refused.getString("errors[0].message")).contains("1 recorded observations");
        assertThat(count(db, "indicator", "id", id)).isEqualTo(1);
        assertThat(count(db, "observation", "indicator_id", id)).isEqualTo(1);
    }

    @Test
    void onlyThoseWhoMaySetThePlansIndicatorsMayDeleteThemAndAnUnknownIdIsNotFound() {
        String id = create(FakePlanIssuers.planIssuedBy("nmg"), indicator("新增就业", "万人", "AT_LEAST", null, null, 10, 2025));

        assertThat(firstErrorCode(delete(TestTokens.viewer(), id))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(delete(TestTokens.planner("gx"), id))).isEqualTo("FORBIDDEN");
        assertThat(count(db, "indicator", "id", id)).isEqualTo(1);
        assertThat(firstErrorCode(delete(TestTokens.admin(), newId()))).isEqualTo("NOT_FOUND");
    }
}
