package gov.planning.indicator;

import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.newPlan;
import static gov.planning.indicator.Fixtures.record;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.testing.TestClock;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ProgressAndHealthApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void backToSystemTime() {
        clock.useSystemTime();
    }

    private static String withLatest(String planId, String name, String comparator, double baseline, int baselineYear,
            double target, int targetYear, Double latest) {
        String id = create(planId, indicator(name, "%", comparator, baseline, baselineYear, target, targetYear));
        if (latest != null) {
            record(TestTokens.admin(), id, null, "2023", latest, null);
        }
        return id;
    }

    @Test
    void progressMetAndHealthFollowTheComparatorAndTheStraightLineForAFixedToday() {
        // Half way (in time) from the end of 2020 to the end of 2025.
        clock.setToday(LocalDate.of(2023, 7, 2));
        String plan = newPlan();
        withLatest(plan, "on track", "AT_LEAST", 60, 2020, 70, 2025, 66.0);
        withLatest(plan, "behind by 40 points", "AT_LEAST", 60, 2020, 70, 2025, 61.0);
        withLatest(plan, "already met", "AT_LEAST", 60, 2020, 70, 2025, 71.0);
        withLatest(plan, "nothing observed", "AT_LEAST", 60, 2020, 70, 2025, null);
        withLatest(plan, "falling rate on track", "AT_MOST", 12, 2020, 9, 2025, 10.5);
        withLatest(plan, "about the target", "ABOUT", 60, 2020, 65, 2025, 64.0);
        withLatest(plan, "exactly not yet", "EXACTLY", 60, 2020, 65, 2025, 64.0);
        withLatest(plan, "target year passed", "AT_LEAST", 60, 2018, 70, 2022, 66.0);

        JsonPath listed = post(TestTokens.viewer(), "query($p: ID!) { indicators(planId: $p) { edges { node { name progress met health } } } }",
                Map.of("p", plan));
        assertThat(listed.getString("errors")).isNull();
        assertThat(listed.getList("data.indicators.edges.node.name")).containsExactly("on track", "behind by 40 points", "already met",
                "nothing observed", "falling rate on track", "about the target", "exactly not yet", "target year passed");
        assertThat(listed.getList("data.indicators.edges.node.health")).containsExactly("GREEN", "YELLOW", "DONE", "YELLOW", "GREEN", "DONE",
                "GREEN", "RED");
        assertThat(listed.getDouble("data.indicators.edges[0].node.progress")).isCloseTo(0.6, within(1e-9));
        assertThat(listed.getDouble("data.indicators.edges[1].node.progress")).isCloseTo(0.1, within(1e-9));
        assertThat(listed.getDouble("data.indicators.edges[4].node.progress")).isCloseTo(0.5, within(1e-9));
        assertThat(listed.getBoolean("data.indicators.edges[0].node.met")).isFalse();
        assertThat(listed.getBoolean("data.indicators.edges[2].node.met")).isTrue();
        assertThat(listed.getBoolean("data.indicators.edges[5].node.met")).isTrue();
        assertThat(listed.getBoolean("data.indicators.edges[6].node.met")).isFalse();
        assertThat(listed.getString("data.indicators.edges[3].node.progress")).isNull();
        assertThat(listed.getString("data.indicators.edges[3].node.met")).isNull();
    }

    @Test
    void theSameValuesTurnRedOnceTheClockPassesTheTargetYear() {
        String plan = newPlan();
        // 80% of the way with the target year about to end: 20 points behind the line, within the tolerated 25.
        withLatest(plan, "on track", "AT_LEAST", 60, 2020, 70, 2025, 68.0);
        clock.setToday(LocalDate.of(2025, 12, 31));
        String query = "query($p: ID!) { indicators(planId: $p) { edges { node { health } } } }";
        assertThat(post(TestTokens.viewer(), query, Map.of("p", plan)).getList("data.indicators.edges.node.health")).containsExactly("GREEN");
        clock.setToday(LocalDate.of(2026, 1, 1));
        assertThat(post(TestTokens.viewer(), query, Map.of("p", plan)).getList("data.indicators.edges.node.health")).containsExactly("RED");
    }
}
