package gov.planning.indicator;

import static gov.planning.indicator.Fixtures.count;
import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.newOrg;
import static gov.planning.indicator.Fixtures.newPlan;
import static gov.planning.indicator.Fixtures.record;
import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ObservationsApiTest {

    private static final String HISTORY = """
            query($id: ID!) { indicator(id: $id) {
              observations { id value source reportedBy reportedAt supersedes }
              latest { id value reportedBy supersedes derivedFrom }
            } }""";

    @Inject
    DataSource db;

    private static String afforestationIn万亩() {
        return create(newPlan(), indicator("营造林面积", "万亩", "AT_LEAST", 0.0, 2020, 1000, 2025));
    }

    @Test
    void aSecondObservationForTheSameRegionAndPeriodSupersedesTheFirstAndBothStayVisible() {
        // A plan of the region's government, so 赤峰's reporter may report for 赤峰 (OrgPermissionsApiTest has the rules).
        String id = create(FakePlanIssuers.planIssuedBy("nmg"), indicator("营造林面积", "万亩", "AT_LEAST", 0.0, 2020, 1000, 2025));
        String region = FakeOrgTree.ids("nmg.chifeng");
        JsonPath first = record(TestTokens.reporter("nmg.chifeng"), id, region, "2022", 120.0, "市林草局年报");
        assertThat(first.getString("errors")).isNull();
        String firstId = first.getString("data.recordObservation.id");
        assertThat(first.getString("data.recordObservation.supersedes")).isNull();

        JsonPath correction = record(TestTokens.admin(), id, region, "2022", 125.5, "统计公报更正");
        String correctionId = correction.getString("data.recordObservation.id");
        assertThat(correction.getString("data.recordObservation.supersedes")).isEqualTo(firstId);

        JsonPath history = post(TestTokens.viewer(), HISTORY, Map.of("id", id));
        assertThat(history.getList("data.indicator.observations.id")).containsExactly(correctionId, firstId);
        assertThat(history.getList("data.indicator.observations.reportedBy")).containsExactly("admin", "reporter.nmg.chifeng");
        assertThat(history.getList("data.indicator.observations.source")).containsExactly("统计公报更正", "市林草局年报");
        OffsetDateTime firstAt = OffsetDateTime.parse(history.getString("data.indicator.observations[1].reportedAt"));
        OffsetDateTime correctedAt = OffsetDateTime.parse(history.getString("data.indicator.observations[0].reportedAt"));
        assertThat(correctedAt).isAfterOrEqualTo(firstAt);
        // Only the region reported, and 万亩 add up, so latest is the sum over regions: here the one correction.
        assertThat(history.getDouble("data.indicator.latest.value")).isEqualTo(125.5);
        assertThat(history.getList("data.indicator.latest.derivedFrom")).containsExactly(correctionId);

        assertThat(Fixtures.auditTrail(db, firstId)).containsExactly("reporter.nmg.chifeng RECORD_OBSERVATION after");
        assertThat(Fixtures.auditTrail(db, correctionId)).containsExactly("admin CORRECT_OBSERVATION before after");
    }

    @Test
    void latestOfTheWholeAreaIsTheCorrectionNotTheSupersededValue() {
        String id = afforestationIn万亩();
        record(TestTokens.admin(), id, null, "2023", 300.0, null);
        String correction = record(TestTokens.admin(), id, null, "2023", 310.0, null).getString("data.recordObservation.id");
        JsonPath history = post(TestTokens.viewer(), HISTORY, Map.of("id", id));
        assertThat(history.getString("data.indicator.latest.id")).isEqualTo(correction);
        assertThat(history.getDouble("data.indicator.latest.value")).isEqualTo(310.0);
        assertThat(history.getString("data.indicator.latest.derivedFrom")).isNull();
        assertThat(history.getList("data.indicator.observations")).hasSize(2);
    }

    @Test
    void latestOfAnAdditiveIndicatorWithoutAWholeAreaValueIsTheSumOfEachRegionsLatest() {
        String id = afforestationIn万亩();
        String a = newOrg();
        String b = newOrg();
        record(TestTokens.admin(), id, a, "2022", 100.0, null);
        record(TestTokens.admin(), id, a, "2023", 150.0, null);
        record(TestTokens.admin(), id, b, "2023", 70.0, null);
        JsonPath history = post(TestTokens.viewer(), HISTORY, Map.of("id", id));
        assertThat(history.getDouble("data.indicator.latest.value")).isCloseTo(220.0, within(1e-9));
        assertThat(history.getList("data.indicator.latest.derivedFrom")).hasSize(2);
    }

    @Test
    void regionalRatesAreNotSummedIntoALatestValue() {
        String id = create(newPlan(), indicator("城镇供水管网漏损率", "%", "AT_MOST", 12.0, 2020, 9, 2025));
        record(TestTokens.admin(), id, newOrg(), "2022", 10.0, null);
        record(TestTokens.admin(), id, newOrg(), "2022", 11.0, null);
        JsonPath history = post(TestTokens.viewer(), HISTORY, Map.of("id", id));
        assertThat(history.getString("data.indicator.latest")).isNull();
        assertThat(history.getList("data.indicator.observations")).hasSize(2);
    }

    @Test
    void observationsOfTwoRegionsAskedForUnderAliasesInOneRequestAreEachOnlyThatRegions() {
        String id = afforestationIn万亩();
        String a = newOrg();
        String b = newOrg();
        record(TestTokens.admin(), id, a, "2022", 1.0, null);
        record(TestTokens.admin(), id, b, "2022", 2.0, null);
        JsonPath both = post(TestTokens.viewer(), """
                query($id: ID!, $a: ID!, $b: ID!) { indicator(id: $id) {
                  a: observations(region: $a) { value region { id } }
                  b: observations(region: $b) { value region { id } }
                  all: observations { value }
                } }""", Map.of("id", id, "a", a, "b", b));
        assertThat(both.getString("errors")).isNull();
        assertThat(both.getList("data.indicator.a.region.id")).containsExactly(a);
        assertThat(both.getList("data.indicator.b.region.id")).containsExactly(b);
        assertThat(both.getList("data.indicator.all")).hasSize(2);
    }

    @Test
    void aNonFiniteValueIsRefusedAndNothingIsWritten() {
        String id = afforestationIn万亩();
        // JSON has no NaN or Infinity; a number beyond double range is how an infinite value reaches the API.
        JsonPath refused = record(TestTokens.admin(), id, null, "2022", new java.math.BigDecimal("1e400"), null);
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).startsWith("value: must be a finite number");
        assertThat(count(db, "observation", "indicator_id", id)).isZero();
    }

    @Test
    void anObservationForAPeriodThatIsNoPeriodIsBadUserInput() {
        String id = afforestationIn万亩();
        JsonPath refused = record(TestTokens.admin(), id, null, "2022年上半年", 10.0, null);
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(count(db, "observation", "indicator_id", id)).isZero();
    }

    @Test
    void viewerMayNotRecordAnObservationAndNothingIsWritten() {
        String id = afforestationIn万亩();
        JsonPath refused = record(TestTokens.viewer(), id, null, "2022", 10.0, null);
        assertThat(firstErrorCode(refused)).isEqualTo("FORBIDDEN");
        assertThat(count(db, "observation", "indicator_id", id)).isZero();
        assertThat(count(db, "audit_trail", "entity_id", id)).isEqualTo(1); // only the creation
    }

    @Test
    void observationsAreAppendOnlyInTheDatabaseItself() {
        String id = afforestationIn万亩();
        String observation = record(TestTokens.admin(), id, null, "2022", 10.0, null).getString("data.recordObservation.id");
        try (var c = db.getConnection(); var s = c.prepareStatement("update observation set value = 11 where id = ?")) {
            s.setObject(1, java.util.UUID.fromString(observation));
            org.assertj.core.api.Assertions.assertThatThrownBy(s::executeUpdate).hasMessageContaining("append-only");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
