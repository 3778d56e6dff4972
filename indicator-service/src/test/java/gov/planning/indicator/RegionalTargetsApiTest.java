package gov.planning.indicator;

import static gov.planning.indicator.Fixtures.count;
import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.newId;
import static gov.planning.indicator.Fixtures.newOrg;
import static gov.planning.indicator.Fixtures.newPlan;
import static gov.planning.indicator.Fixtures.row;
import static gov.planning.indicator.Fixtures.setTargets;
import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RegionalTargetsApiTest {

    private static final String TARGETS = """
            query($id: ID!, $period: String) { indicator(id: $id) { regionalTargets(period: $period) { region { id } period value } } }""";

    @Inject
    DataSource db;

    private static String grasslandIn万亩() {
        return create(newPlan(), indicator("草原禁牧面积", "万亩", "AT_LEAST", 80.0, 2020, 100, 2025));
    }

    private static JsonPath targets(String indicatorId, String period) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("id", indicatorId);
        variables.put("period", period);
        return post(TestTokens.viewer(), TARGETS, variables);
    }

    @Test
    void rowsIn亩ThatAddUpToTheTotalAreAcceptedAndStoredIn万亩() {
        String id = grasslandIn万亩();
        String a = newOrg();
        String b = newOrg();
        // 1,000,000 亩 = 100 万亩: the table states its rows and its 合计 in 亩.
        JsonPath set = setTargets(TestTokens.admin(), id, "2021-2025", List.of(row(a, 600_000), row(b, 400_000)),
                1_000_000.0, "亩");
        assertThat(set.getString("errors")).isNull();

        JsonPath stored = targets(id, "2021-2025");
        assertThat(stored.getList("data.indicator.regionalTargets.region.id")).containsExactly(a, b);
        assertThat(stored.getDouble("data.indicator.regionalTargets[0].value")).isCloseTo(60.0, within(1e-9));
        assertThat(stored.getDouble("data.indicator.regionalTargets[1].value")).isCloseTo(40.0, within(1e-9));
        assertThat(Fixtures.auditTrail(db, id)).contains("admin CREATE_INDICATOR after", "admin SET_REGIONAL_TARGETS after");
    }

    @Test
    void rowsThatFallShortOfTheTotalAreRefusedNamingTheDifferenceInTheIndicatorsUnitAndNothingIsWritten() {
        String id = grasslandIn万亩();
        JsonPath refused = setTargets(TestTokens.admin(), id, "2021-2025",
                List.of(row(newOrg(), 600_000), row(newOrg(), 395_000)), 1_000_000.0, "亩");
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message"))
                .contains("rows add up to 99.5 万亩, 0.5 万亩 less than the stated total 100 万亩");
        assertThat(count(db, "regional_target", "indicator_id", id)).isZero();
        assertThat(Fixtures.auditTrail(db, id)).containsExactly("admin CREATE_INDICATOR after");
    }

    @Test
    void rowsAboveTheTotalAreRefusedAsMore() {
        String id = grasslandIn万亩();
        JsonPath refused = setTargets(TestTokens.admin(), id, "2022", List.of(row(newOrg(), 60), row(newOrg(), 41)), 100.0, null);
        assertThat(refused.getString("errors[0].message")).contains("rows add up to 101 万亩, 1 万亩 more than the stated total 100 万亩");
    }

    @Test
    void settingAPeriodAgainReplacesItsRowsAndLeavesOtherPeriodsAlone() {
        String id = grasslandIn万亩();
        String a = newOrg();
        String b = newOrg();
        setTargets(TestTokens.admin(), id, "2021-2025", List.of(row(a, 60), row(b, 40)), 100.0, null);
        setTargets(TestTokens.admin(), id, "2022", List.of(row(a, 10)), null, null);
        JsonPath replaced = setTargets(TestTokens.admin(), id, "2021-2025", List.of(row(b, 45), row(a, 55)), 100.0, null);
        assertThat(replaced.getString("errors")).isNull();

        assertThat(targets(id, "2021-2025").getList("data.indicator.regionalTargets.region.id")).containsExactly(b, a);
        assertThat(targets(id, null).getList("data.indicator.regionalTargets.period")).containsExactly("2021-2025", "2021-2025", "2022");
        assertThat(Fixtures.auditTrail(db, id)).last().isEqualTo("admin SET_REGIONAL_TARGETS before after");
    }

    @Test
    void twoPeriodsAskedForUnderAliasesInOneRequestEachGetTheirOwnRows() {
        String id = grasslandIn万亩();
        String a = newOrg();
        setTargets(TestTokens.admin(), id, "2022", List.of(row(a, 10)), null, null);
        setTargets(TestTokens.admin(), id, "2023", List.of(row(a, 20)), null, null);
        JsonPath both = post(TestTokens.viewer(), """
                query($id: ID!) { indicator(id: $id) {
                  y2022: regionalTargets(period: "2022") { value }
                  y2023: regionalTargets(period: "2023") { value }
                } }""", Map.of("id", id));
        assertThat(both.getString("errors")).isNull();
        assertThat(both.getList("data.indicator.y2022.value", Double.class)).containsExactly(10.0);
        assertThat(both.getList("data.indicator.y2023.value", Double.class)).containsExactly(20.0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2021—2025", "2021–2025", " 2021 - 2025 " })
    void planPeriodWrittenWithAnyDashIsStoredAs2021Hyphen2025(String period) {
        String id = grasslandIn万亩();
        JsonPath set = setTargets(TestTokens.admin(), id, period, List.of(row(newOrg(), 100)), 100.0, null);
        assertThat(set.getString("errors")).isNull();
        assertThat(set.getString("data.setRegionalTargets[0].period")).isEqualTo("2021-2025");
        assertThat(targets(id, "2021—2025").getList("data.indicator.regionalTargets.period")).containsExactly("2021-2025");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2021/2025", "2025-2021", "22", "二〇二二年", "2022年", "2021-2025-2030", "" })
    void anythingButAPlanPeriodOrAYearIsBadUserInputAndNothingIsWritten(String period) {
        String id = grasslandIn万亩();
        JsonPath refused = setTargets(TestTokens.admin(), id, period, List.of(row(newOrg(), 100)), 100.0, null);
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).startsWith("period:");
        assertThat(count(db, "regional_target", "indicator_id", id)).isZero();
    }

    @Test
    void ratesDoNotAddUpSoTheirTotalIsNotChecked() {
        String id = create(newPlan(), indicator("常住人口城镇化率", "%", "AT_LEAST", 60.3, 2015, 65, 2020));
        JsonPath set = setTargets(TestTokens.admin(), id, "2020", List.of(row(newOrg(), 70), row(newOrg(), 55)), 65.0, null);
        assertThat(set.getString("errors")).isNull();
        assertThat(set.getList("data.setRegionalTargets")).hasSize(2);
    }

    @Test
    void valuesInAUnitOfAnotherDimensionAreRefused() {
        String id = grasslandIn万亩();
        JsonPath refused = setTargets(TestTokens.admin(), id, "2022", List.of(row(newOrg(), 100)), null, "公里");
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("公里").contains("万亩");
    }

    @Test
    void aRegionListedTwiceInOnePeriodIsRefused() {
        String id = grasslandIn万亩();
        String a = newOrg();
        JsonPath refused = setTargets(TestTokens.admin(), id, "2022", List.of(row(a, 50), row(a, 50)), 100.0, null);
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(count(db, "regional_target", "indicator_id", id)).isZero();
    }

    @Test
    void viewerMayNotSetRegionalTargetsAndNothingIsWritten() {
        String id = grasslandIn万亩();
        JsonPath refused = setTargets(TestTokens.viewer(), id, "2021-2025", List.of(row(newOrg(), 100)), 100.0, null);
        assertThat(firstErrorCode(refused)).isEqualTo("FORBIDDEN");
        assertThat(count(db, "regional_target", "indicator_id", id)).isZero();
        assertThat(Fixtures.auditTrail(db, id)).containsExactly("admin CREATE_INDICATOR after");
    }

    @Test
    void reporterMayNotSetRegionalTargets() {
        String id = grasslandIn万亩();
        JsonPath refused = setTargets(TestTokens.reporter("nmg.zrzyt"), id, "2022", List.of(row(newOrg(), 100)), 100.0, null);
        assertThat(firstErrorCode(refused)).isEqualTo("FORBIDDEN");
    }

    @Test
    void targetsOfAnUnknownIndicatorAreNotFound() {
        JsonPath refused = setTargets(TestTokens.admin(), newId(), "2022", List.of(row(newOrg(), 100)), 100.0, null);
        assertThat(firstErrorCode(refused)).isEqualTo("NOT_FOUND");
    }
}
