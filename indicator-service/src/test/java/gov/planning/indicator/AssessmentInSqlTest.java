package gov.planning.indicator;

import static gov.planning.indicator.FakeOrgTree.ids;
import static gov.planning.indicator.FakePlanIssuers.planIssuedBy;
import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.IndicatorListApiTest.vars;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.testing.TestClock;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Filtering and sorting by health, met and progress run in SQL (migration V4), the fields are computed in Java
 * (domain.Latest, domain.Assessment). This proves both give the same answers, to the last bit of the double, for
 * data that exercises every branch: whole area, regional sums (in an order where the order of additions matters),
 * corrections, periods of different length, each comparator, the straight line and a target year that passed.
 */
@QuarkusTest
class AssessmentInSqlTest {

    private static final LocalDate TODAY = LocalDate.of(2023, 7, 2);

    @Inject
    TestClock clock;

    @Inject
    DataSource db;

    @AfterEach
    void backToSystemTime() {
        clock.useSystemTime();
    }

    private record Java(String id, Double latest, Double progress, Boolean met, String health) {
    }

    private static void recorded(String id, String regionCode, String period, double value) {
        JsonPath r = Fixtures.record(TestTokens.admin(), id, regionCode == null ? null : ids(regionCode), period, value, null);
        assertThat(r.getString("errors")).isNull();
    }

    private String plan;

    private String indicatorOf(String name, String unit, String comparator, Double baseline, Integer baselineYear, double target,
            Integer targetYear) {
        return create(plan, indicator(name, unit, comparator, baseline, baselineYear, target, targetYear));
    }

    @Test
    void healthMetAndProgressInSqlEqualTheFieldsComputedInJava() {
        clock.setToday(TODAY);
        plan = planIssuedBy("nmg");
        recorded(indicatorOf("whole area on track", "%", "AT_LEAST", 60.0, 2020, 70, 2025), null, "2023", 66.0);
        recorded(indicatorOf("whole area behind", "%", "AT_LEAST", 60.0, 2020, 70, 2025), null, "2023", 61.0);
        indicatorOf("nothing observed", "%", "AT_LEAST", 60.0, 2020, 70, 2025);
        // 0.1 + 0.2 + 0.3 is 0.6000000000000001 added smallest first and 0.6 largest first.
        String sum = indicatorOf("regional sum", "万亩", "AT_LEAST", 0.0, 2020, 0.6, 2025);
        recorded(sum, "nmg.hhht", "2023", 0.3);
        recorded(sum, "nmg.chifeng", "2023", 0.1);
        recorded(sum, "nmg.zjt", "2023", 0.2);
        String newestPerRegion = indicatorOf("regional sum of each region's newest", "万亩", "AT_LEAST", 10.0, 2020, 110, 2025);
        recorded(newestPerRegion, "nmg.hhht", "2023", 30);
        recorded(newestPerRegion, "nmg.hhht", "2022", 80); // reported later, but an older period
        recorded(newestPerRegion, "nmg.chifeng", "2021-2025", 7.25);
        recorded(newestPerRegion, "nmg.chifeng", "2023", 3.5);
        recorded(newestPerRegion, "nmg.chifeng", "2021-2025", 9.5); // a correction of the first
        String rates = indicatorOf("regional rates only", "%", "AT_LEAST", 60.0, 2020, 70, 2025);
        recorded(rates, "nmg.hhht", "2023", 65);
        String corrected = indicatorOf("corrected whole area", "%", "AT_MOST", 12.0, 2020, 9, 2025);
        recorded(corrected, null, "2023", 11.0);
        recorded(corrected, null, "2023", 10.5);
        String wholeBeatsRegions = indicatorOf("whole area over regions", "公里", "ABOUT", 100.0, 2020, 200, 2025);
        recorded(wholeBeatsRegions, "nmg.hhht", "2023", 150);
        recorded(wholeBeatsRegions, null, "2022", 196);
        recorded(indicatorOf("about the target", "%", "ABOUT", 60.0, 2020, 65, 2025), null, "2023", 63.8);
        recorded(indicatorOf("exactly, not yet", "%", "EXACTLY", 60.0, 2020, 65, 2025), null, "2023", 64.0);
        recorded(indicatorOf("exactly, met", "%", "EXACTLY", 60.0, 2020, 65, 2025), null, "2023", 65.0);
        recorded(indicatorOf("target year passed", "%", "AT_LEAST", 60.0, 2018, 70, 2022), null, "2022", 66.0);
        recorded(indicatorOf("no baseline", "%", "AT_LEAST", null, null, 70, 2025), null, "2023", 50.0);
        recorded(indicatorOf("target equals baseline", "%", "AT_MOST", 5.0, 2020, 5, 2025), null, "2023", 6.0);
        recorded(indicatorOf("a third of the way", "个", "AT_LEAST", 0.0, 2020, 3, 2025), null, "2023", 1.0);
        indicatorOf("nothing observed, year passed", "%", "AT_LEAST", 60.0, 2018, 70, 2022);

        List<Java> java = javaFields();
        assertThat(java).hasSize(16);
        assertThat(java.stream().filter(j -> j.id().equals(sum)).findFirst().orElseThrow().latest()).isEqualTo(0.6000000000000001);
        for (Java j : java) {
            assertThat(sqlFields(j.id())).as(j.toString()).isEqualTo(j);
        }

        for (String health : List.of("GREEN", "YELLOW", "RED", "DONE")) {
            assertThat(idsListed(vars("planId", plan, "health", health, "first", 100)))
                    .as(health).containsExactlyElementsOf(java.stream().filter(j -> j.health().equals(health)).map(Java::id).toList());
        }
        for (boolean met : List.of(true, false)) {
            assertThat(idsListed(vars("planId", plan, "met", met, "first", 100)))
                    .containsExactlyElementsOf(java.stream().filter(j -> Objects.equals(j.met(), met)).map(Java::id).toList());
        }
        List<Java> byProgress = new ArrayList<>(java);
        byProgress.sort(Comparator.comparing(Java::progress, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Java::id));
        assertThat(idsListed(vars("planId", plan, "sortBy", "PROGRESS", "first", 100)))
                .containsExactlyElementsOf(byProgress.stream().map(Java::id).toList());
    }

    private List<String> idsListed(Map<String, Object> variables) {
        JsonPath listed = post(TestTokens.viewer(), IndicatorListApiTest.LIST, variables);
        assertThat(listed.getString("errors")).isNull();
        return listed.getList("data.indicators.edges.node.id");
    }

    /** The fields as the API answers them, in plan order; numbers read as exact decimals, not as floats. */
    private List<Java> javaFields() {
        JsonPath listed = post(TestTokens.viewer(), """
                query($p: ID!) { indicators(planId: $p, first: 100) { edges { node { id latest { value } progress met health } } } }""",
                Map.of("p", plan)).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(listed.getString("errors")).isNull();
        List<Map<String, Object>> nodes = listed.getList("data.indicators.edges.node");
        List<Java> result = new ArrayList<>();
        for (Map<String, Object> n : nodes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> latest = (Map<String, Object>) n.get("latest");
            result.add(new Java((String) n.get("id"), latest == null ? null : number(latest.get("value")), number(n.get("progress")),
                    (Boolean) n.get("met"), (String) n.get("health")));
        }
        return result;
    }

    private static Double number(Object value) {
        return value == null ? null : ((BigDecimal) value).doubleValue();
    }

    /** The same figures from the SQL functions the list filters and sorts by. */
    private Java sqlFields(String id) {
        String sql = """
                SELECT l.value, a.progress, a.met,
                       indicator_health(a.met, a.progress, i.baseline_year, i.target_year, l.value, ?)
                FROM indicator i
                CROSS JOIN LATERAL (SELECT indicator_latest_value(i.id, i.additive) AS value) l
                CROSS JOIN LATERAL (SELECT indicator_progress(i.baseline_value, i.target_value, l.value) AS progress,
                                           indicator_met(i.comparator, i.target_value, l.value) AS met) a
                WHERE i.id = ?""";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setDate(1, Date.valueOf(TODAY));
            s.setObject(2, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return new Java(id, r.getObject(1, Double.class), r.getObject(2, Double.class), r.getObject(3, Boolean.class),
                        r.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
