package gov.planning.indicator;

import static gov.planning.indicator.FakeOrgTree.ids;
import static gov.planning.indicator.FakePlanIssuers.planIssuedBy;
import static gov.planning.indicator.Fixtures.count;
import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.record;
import static gov.planning.indicator.Fixtures.row;
import static gov.planning.indicator.Fixtures.setTargets;
import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static gov.planning.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * docs/domain.md §4 by organization, with users of different departments against {@link FakeOrgTree} (nmg with nmg.zjt,
 * nmg.lcj, nmg.hhht > nmg.hhht.zjj, nmg.chifeng; gx with gx.zjt) and plans of {@link FakePlanIssuers}.
 */
@QuarkusTest
class OrgPermissionsApiTest {

    @Inject
    DataSource db;

    private static final Map<String, Object> INPUT = indicator("营造林面积", "万亩", "AT_LEAST", 0.0, 2020, 1000, 2025);

    private static JsonPath createAs(String token, String planId) {
        return post(token, Fixtures.CREATE, Map.of("planId", planId, "input", INPUT));
    }

    private static List<String> indicatorsOf(String planId) {
        return post(TestTokens.viewer(), "query($p: ID!) { indicators(planId: $p) { edges { node { id } } } }", Map.of("p", planId))
                .getList("data.indicators.edges.node.id");
    }

    /** An indicator of a plan issued by {@code issuer}, created by admin; 林草局 (nmg.lcj) is responsible for it. */
    private static String indicatorOfPlanBy(String issuer) {
        Map<String, Object> input = new java.util.HashMap<>(INPUT);
        input.put("responsibleOrgIds", List.of(ids("nmg.lcj")));
        return create(planIssuedBy(issuer), input);
    }

    // --- creating indicators -------------------------------------------------------------------------------------

    @Test
    void plannersCreateIndicatorsForPlansOfTheirOrganizationOrBelowIt() {
        assertThat(createAs(TestTokens.planner("nmg"), planIssuedBy("nmg")).getString("errors")).isNull();
        assertThat(createAs(TestTokens.planner("nmg"), planIssuedBy("nmg.hhht")).getString("errors")).isNull();
        assertThat(createAs(TestTokens.planner("nmg.hhht"), planIssuedBy("nmg.hhht")).getString("errors")).isNull();
        // Any of the user's organizations will do.
        assertThat(createAs(token("two.hats", List.of("planner"), List.of("gx", "nmg.hhht")), planIssuedBy("nmg.hhht.zjj"))
                .getString("errors")).isNull();
    }

    @Test
    void plannersMayNotCreateIndicatorsForPlansAboveOrBesideTheirOrganizationAndNothingIsWritten() {
        for (String[] refused : new String[][] { { "nmg.hhht", "nmg" }, { "nmg.hhht", "nmg.chifeng" }, { "gx", "nmg" },
                { "nmg.zjt", "nmg.hhht" } }) {
            String plan = planIssuedBy(refused[1]);
            JsonPath answer = createAs(TestTokens.planner(refused[0]), plan);
            assertThat(firstErrorCode(answer)).as("planner of %s, plan of %s", refused[0], refused[1]).isEqualTo("FORBIDDEN");
            assertThat(answer.getString("errors[0].message")).contains("planner." + refused[0]).contains(ids(refused[1]));
            assertThat(indicatorsOf(plan)).isEmpty();
        }
    }

    @Test
    void reportersViewersAndPlannersWithoutOrganizationsCreateNothing() {
        String plan = planIssuedBy("nmg");
        assertThat(firstErrorCode(createAs(TestTokens.reporter("nmg"), plan))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(createAs(TestTokens.viewer(), plan))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(createAs(token("nobody", List.of("planner"), List.of()), plan))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(createAs(token("ghost", List.of("planner"), List.of("no.such.org")), plan))).isEqualTo("FORBIDDEN");
        assertThat(indicatorsOf(plan)).isEmpty();
    }

    @Test
    void adminsCreateIndicatorsForAnyPlanWhateverTheirOrganization() {
        assertThat(createAs(token("gx.admin", List.of("admin"), List.of("gx")), planIssuedBy("nmg.hhht")).getString("errors")).isNull();
    }

    @Test
    void aPlanPlanServiceDoesNotKnowIsTheCallersErrorAndNoPlannerIsLetThroughWithoutAnIssuer() {
        String unknown = Fixtures.newId();
        JsonPath refused = createAs(TestTokens.planner("nmg.hhht"), unknown);
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("planId");
        assertThat(firstErrorCode(createAs(TestTokens.reporter("nmg.hhht"), unknown))).isEqualTo("FORBIDDEN");
    }

    @Test
    void anAdminTooIsRefusedAnIndicatorForAPlanPlanServiceDoesNotKnowAndNothingIsWritten() {
        String unknown = Fixtures.newId();

        JsonPath refused = createAs(TestTokens.admin(), unknown);

        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).isEqualTo("planId: plan-service knows no plan " + unknown);
        assertThat(count(db, "indicator", "plan_id", unknown)).isZero();
    }

    @Test
    void responsibleOrganizationsOrgServiceDoesNotKnowAreRefusedNamingTheFieldAndNothingIsWritten() {
        String plan = planIssuedBy("nmg");
        String unknown = Fixtures.newId();
        Map<String, Object> input = new java.util.HashMap<>(INPUT);
        input.put("responsibleOrgIds", List.of(ids("nmg.lcj"), unknown));

        JsonPath refused = post(TestTokens.admin(), Fixtures.CREATE, Map.of("planId", plan, "input", input));

        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).isEqualTo("responsibleOrgIds[1]: org-service knows no organization " + unknown);
        assertThat(count(db, "indicator", "plan_id", plan)).isZero();
        input.put("responsibleOrgIds", List.of(ids("nmg.lcj"), ids("nmg.zjt")));
        assertThat(post(TestTokens.admin(), Fixtures.CREATE, Map.of("planId", plan, "input", input)).getString("errors")).isNull();
    }

    // --- regional targets ----------------------------------------------------------------------------------------

    @Test
    void plannersSetRegionalTargetsOnlyForPlansOfTheirOrganizationOrBelowItAndARefusalWritesNothing() {
        String id = indicatorOfPlanBy("nmg");
        List<Map<String, Object>> rows = List.of(row(ids("nmg.hhht"), 60), row(ids("nmg.chifeng"), 40));
        for (String refused : List.of("nmg.hhht", "gx", "nmg.lcj")) {
            JsonPath answer = setTargets(TestTokens.planner(refused), id, "2021-2025", rows, 100.0, null);
            assertThat(firstErrorCode(answer)).as("planner of %s", refused).isEqualTo("FORBIDDEN");
        }
        assertThat(firstErrorCode(setTargets(TestTokens.reporter("nmg"), id, "2021-2025", rows, 100.0, null))).isEqualTo("FORBIDDEN");
        assertThat(count(db, "regional_target", "indicator_id", id)).isZero();
        assertThat(Fixtures.auditTrail(db, id)).containsExactly("admin CREATE_INDICATOR after");

        assertThat(setTargets(TestTokens.planner("nmg"), id, "2021-2025", rows, 100.0, null).getString("errors")).isNull();
        assertThat(count(db, "regional_target", "indicator_id", id)).isEqualTo(2);
    }

    @Test
    void aPlannerOfTheIssuingCitySetsItsDistrictsTargets() {
        String id = indicatorOfPlanBy("nmg.hhht");
        JsonPath set = setTargets(TestTokens.planner("nmg.hhht"), id, "2025", List.of(row(ids("nmg.hhht.zjj"), 5)), 5.0, null);
        assertThat(set.getString("errors")).isNull();
    }

    @Test
    void aPlanIssuedByAGeneralOfficeCoversItsGovernmentsRegions() {
        // 示例市人民政府办公室 issues the plan; its table's districts are under 示例市人民政府, not under the office.
        String id = indicatorOfPlanBy("nmg.bgt");
        JsonPath set = setTargets(TestTokens.admin(), id, "2025",
                List.of(row(ids("nmg.hhht"), 5), row(ids("nmg.chifeng"), 5)), 10.0, null);
        assertThat(set.getString("errors")).isNull();
        JsonPath outside = setTargets(TestTokens.admin(), id, "2026", List.of(row(ids("gx.zjt"), 5)), 5.0, null);
        assertThat(firstErrorCode(outside)).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void aRegionOutsideTheIssuersTerritoryIsBadInputNamingItAndNothingIsWritten() {
        String id = indicatorOfPlanBy("nmg.hhht");
        JsonPath beside = setTargets(TestTokens.admin(), id, "2025",
                List.of(row(ids("nmg.hhht.zjj"), 5), row(ids("nmg.chifeng"), 5)), 10.0, null);
        assertThat(firstErrorCode(beside)).isEqualTo("BAD_USER_INPUT");
        assertThat(beside.getString("errors[0].message")).contains("rows[1].regionId").contains(ids("nmg.chifeng"));

        JsonPath elsewhere = setTargets(TestTokens.planner("nmg"), id, "2025", List.of(row(ids("gx"), 5)), 5.0, null);
        assertThat(firstErrorCode(elsewhere)).isEqualTo("BAD_USER_INPUT");
        assertThat(elsewhere.getString("errors[0].message")).contains("rows[0].regionId").contains(ids("gx"));
        assertThat(count(db, "regional_target", "indicator_id", id)).isZero();
    }

    // --- observations --------------------------------------------------------------------------------------------

    @Test
    void reportersRecordForRegionsAtOrBelowTheirOrganization() {
        String id = indicatorOfPlanBy("nmg");
        assertThat(record(TestTokens.reporter("nmg.hhht"), id, ids("nmg.hhht"), "2022", 1.0, null).getString("errors")).isNull();
        assertThat(record(TestTokens.reporter("nmg.hhht"), id, ids("nmg.hhht.zjj"), "2022", 1.0, null).getString("errors")).isNull();
        assertThat(record(TestTokens.planner("nmg"), id, ids("nmg.chifeng"), "2022", 1.0, null).getString("errors")).isNull();
        assertThat(count(db, "observation", "indicator_id", id)).isEqualTo(3);
    }

    @Test
    void reportersMayNotRecordForOtherRegionsOrTheWholeAreaOfAPlanAboveThemAndNothingIsWritten() {
        String id = indicatorOfPlanBy("nmg");
        JsonPath beside = record(TestTokens.reporter("nmg.hhht"), id, ids("nmg.chifeng"), "2022", 1.0, null);
        assertThat(firstErrorCode(beside)).isEqualTo("FORBIDDEN");
        assertThat(beside.getString("errors[0].message")).contains("reporter.nmg.hhht").contains(ids("nmg.chifeng"));
        assertThat(firstErrorCode(record(TestTokens.reporter("nmg.hhht"), id, null, "2022", 1.0, null))).isEqualTo("FORBIDDEN");
        // 住建厅 is a department of nmg, not responsible for this indicator: 赤峰 is not below it.
        assertThat(firstErrorCode(record(TestTokens.reporter("nmg.zjt"), id, ids("nmg.chifeng"), "2022", 1.0, null))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(record(TestTokens.planner("gx"), id, ids("nmg.chifeng"), "2022", 1.0, null))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(record(TestTokens.viewer(), id, ids("nmg"), "2022", 1.0, null))).isEqualTo("FORBIDDEN");
        assertThat(count(db, "observation", "indicator_id", id)).isZero();
        assertThat(count(db, "audit_trail", "entity_id", id)).isEqualTo(1); // only the creation
    }

    @Test
    void theIndicatorsResponsibleOrganizationRecordsForAnyRegionAndTheWholeArea() {
        String id = indicatorOfPlanBy("nmg");
        assertThat(record(TestTokens.reporter("nmg.lcj"), id, ids("nmg.chifeng"), "2022", 1.0, null).getString("errors")).isNull();
        assertThat(record(TestTokens.reporter("nmg.lcj"), id, null, "2022", 1.0, null).getString("errors")).isNull();
    }

    @Test
    void theWholeAreaIsTheIssuersRegion() {
        String id = indicatorOfPlanBy("nmg.hhht");
        assertThat(record(TestTokens.reporter("nmg.hhht"), id, null, "2022", 1.0, null).getString("errors")).isNull();
        assertThat(firstErrorCode(record(TestTokens.reporter("nmg.hhht.zjj"), id, null, "2022", 1.0, null))).isEqualTo("FORBIDDEN");
    }

    @Test
    void anObservationForARegionOutsideTheIssuersTerritoryIsBadInputNamingIt() {
        String id = indicatorOfPlanBy("nmg");
        // The responsible organization may report for any region, but only regions of the plan exist for it.
        JsonPath outside = record(TestTokens.reporter("nmg.lcj"), id, ids("gx.zjt"), "2022", 1.0, null);
        assertThat(firstErrorCode(outside)).isEqualTo("BAD_USER_INPUT");
        assertThat(outside.getString("errors[0].message")).contains("regionId").contains(ids("gx.zjt"));
        assertThat(firstErrorCode(record(TestTokens.admin(), id, ids("gx"), "2022", 1.0, null))).isEqualTo("BAD_USER_INPUT");
        assertThat(count(db, "observation", "indicator_id", id)).isZero();
    }
}
