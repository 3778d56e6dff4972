package gov.planning.indicator;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.restassured.path.json.JsonPath;

/** GraphQL operations and database look-ups the indicator tests share. */
final class Fixtures {

    static final String CREATE = """
            mutation($planId: ID!, $input: IndicatorInput!) {
              createIndicator(planId: $planId, input: $input) { id unit additive }
            }""";

    static final String SET_TARGETS = """
            mutation($id: ID!, $period: String!, $rows: [RegionalTargetInput!]!, $total: Float, $unit: String) {
              setRegionalTargets(indicatorId: $id, period: $period, rows: $rows, total: $total, unit: $unit) {
                region { id } period value
              }
            }""";

    static final String RECORD = """
            mutation($id: ID!, $region: ID, $period: String!, $value: Float!, $source: String) {
              recordObservation(indicatorId: $id, regionId: $region, period: $period, value: $value, source: $source) {
                id region { id } period value source reportedBy reportedAt supersedes
              }
            }""";

    private Fixtures() {
    }

    static Map<String, Object> indicator(String name, String unit, String comparator, Double baseline, Integer baselineYear,
            double target, Integer targetYear) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("unit", unit);
        input.put("comparator", comparator);
        input.put("baselineValue", baseline);
        input.put("baselineYear", baselineYear);
        input.put("targetValue", target);
        input.put("targetYear", targetYear);
        return input;
    }

    /** Creates the indicator as admin and answers its id. */
    static String create(String planId, Map<String, Object> input) {
        JsonPath created = post(gov.planning.testing.TestTokens.admin(), CREATE, Map.of("planId", planId, "input", input));
        assertThat(created.getString("errors")).isNull();
        return created.getString("data.createIndicator.id");
    }

    static JsonPath setTargets(String token, String indicatorId, String period, List<Map<String, Object>> rows, Double total,
            String unit) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", indicatorId);
        variables.put("period", period);
        variables.put("rows", rows);
        variables.put("total", total);
        variables.put("unit", unit);
        return post(token, SET_TARGETS, variables);
    }

    static Map<String, Object> row(String regionId, double value) {
        return Map.of("regionId", regionId, "value", value);
    }

    static JsonPath record(String token, String indicatorId, String regionId, String period, Object value, String source) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", indicatorId);
        variables.put("region", regionId);
        variables.put("period", period);
        variables.put("value", value);
        variables.put("source", source);
        return post(token, RECORD, variables);
    }

    /** A plan plan-service knows (issued by nmg). */
    static String newPlan() {
        return FakePlanIssuers.newPlan();
    }

    /** An organization org-service knows (below nmg, so inside the territory of newPlan()'s plans). */
    static String newOrg() {
        return FakeOrgTree.newOrg();
    }

    /** An id of nothing. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Rows of a table that belong to one entity, read straight from the database the service writes. */
    static long count(DataSource db, String table, String column, String id) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from " + table + " where " + column + " = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audit entries of an entity as "actor action", oldest first. */
    static List<String> auditTrail(DataSource db, String entityId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select actor, action, before is not null, after is not null from audit_trail where entity_id = ? order by seq")) {
            s.setObject(1, UUID.fromString(entityId));
            try (ResultSet r = s.executeQuery()) {
                List<String> trail = new java.util.ArrayList<>();
                while (r.next()) {
                    trail.add(r.getString(1) + " " + r.getString(2) + (r.getBoolean(3) ? " before" : "") + (r.getBoolean(4) ? " after" : ""));
                }
                return trail;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
