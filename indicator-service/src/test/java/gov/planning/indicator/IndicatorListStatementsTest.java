package gov.planning.indicator;

import static gov.planning.indicator.FakeOrgTree.ids;
import static gov.planning.indicator.FakePlanIssuers.planIssuedBy;
import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.record;
import static gov.planning.indicator.Fixtures.row;
import static gov.planning.indicator.Fixtures.setTargets;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.testing.SqlStatements;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The list and its search cost a fixed number of SQL statements, counted by PostgreSQL itself (pg_stat_statements). */
@QuarkusTest
class IndicatorListStatementsTest {

    /** A screen's whole list: filters, search, sort by progress, and every field of each indicator. */
    private static final String SCREEN = """
            query($p: ID!) { indicators(planId: $p, search: "指标", health: GREEN, sortBy: PROGRESS, first: 100) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { node { id name createdBy updatedBy updatedAt responsibleOrgs { id } regionalTargets { value }
                observations { value } latest { value } progress met health history { action changes { field } } } } } }""";

    @Inject
    DataSource db;

    private static String planWith(int indicators) {
        String plan = planIssuedBy("nmg");
        for (int i = 0; i < indicators; i++) {
            Map<String, Object> input = indicator("指标" + i, "万亩", "AT_LEAST", 0.0, 2020, 100, 2100);
            input.put("responsibleOrgIds", List.of(ids("nmg.zjt"), ids("nmg.lcj")));
            String id = create(plan, input);
            setTargets(TestTokens.admin(), id, "2025", List.of(row(ids("nmg.hhht"), 60), row(ids("nmg.chifeng"), 40)), 100.0, null);
            record(TestTokens.admin(), id, ids("nmg.hhht"), "2023", 1.0 + i, null);
            record(TestTokens.admin(), id, ids("nmg.chifeng"), "2023", 2.0, null);
        }
        return plan;
    }

    /** Statements the service ran for one request (PostgreSQL's count, without the counting itself). */
    private long statementsFor(String plan, int expectedIndicators) {
        SqlStatements.reset();
        JsonPath screen = post(TestTokens.viewer(), SCREEN, Map.of("p", plan));
        assertThat(screen.getString("errors")).isNull();
        assertThat(screen.getInt("data.indicators.totalCount")).isEqualTo(expectedIndicators);
        assertThat(screen.getList("data.indicators.edges[0].node.history")).hasSize(4);
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = "
                        + "(SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%' "
                        + "AND query NOT LIKE 'SET %' AND query NOT LIKE 'SHOW %'")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFilteredSearchedSortedListWithEveryFieldIsTheSameNumberOfStatementsForTwoOrTwentyIndicators() {
        String small = planWith(2);
        String large = planWith(20);
        long forTwo = statementsFor(small, 2);
        long forTwenty = statementsFor(large, 20);
        // The page (its indicators with the total), then one statement per field: responsibleOrgs, regionalTargets,
        // observations, history, updatedAt+updatedBy, and one for latest, progress, met and health (the latest values).
        assertThat(forTwenty).isEqualTo(forTwo).isEqualTo(7);
    }
}
