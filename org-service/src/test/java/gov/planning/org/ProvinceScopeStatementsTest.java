package gov.planning.org;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.planning.testing.SqlStatements;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A province's tree at the size of issue #15 (20,000 organizations): the scope a planner's reads need (everything below
 * their organization) and the successor mapping of a dashboard's thousands of leads cost the same one statement as
 * they do for a county, and the scope's answer carries ids only.
 */
@QuarkusTest
class ProvinceScopeStatementsTest {

    /** 12 prefectures of 100 counties, 16 departments each prefecture and county: 1 + 12 + 1,200 + 19,392 = 20,605. */
    private static final int PREFECTURES = 12;
    private static final int COUNTIES = 100;
    private static final int DEPARTMENTS = 16;
    private static final int BELOW_PROVINCE = PREFECTURES + PREFECTURES * COUNTIES + (PREFECTURES + PREFECTURES * COUNTIES) * DEPARTMENTS;

    private static final String SCOPE = "query($c: String) { organization(code: $c) { id descendantIds } }";

    @BeforeAll
    static void seedAProvince() throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class)); Statement s = c.createStatement()) {
            if (s.executeQuery("SELECT 1 FROM organization WHERE code = 'scl'").next()) {
                return;
            }
            // Straight into the table, as the bench seeder does: the ancestry triggers must keep up with any writer.
            s.execute("INSERT INTO organization (id, code, name, kind, level) VALUES (gen_random_uuid(), 'scl', '规模测试省', 'GOVERNMENT', 'PROVINCE')");
            s.execute("""
                    INSERT INTO organization (id, code, name, kind, level, parent_id)
                    SELECT gen_random_uuid(), 'scl.p' || lpad(p::text, 2, '0'), '规模测试市' || p, 'GOVERNMENT', 'PREFECTURE', r.id
                    FROM organization r, generate_series(1, %d) AS p WHERE r.code = 'scl'""".formatted(PREFECTURES));
            s.execute("""
                    INSERT INTO organization (id, code, name, kind, level, parent_id)
                    SELECT gen_random_uuid(), p.code || '.c' || lpad(n::text, 3, '0'), p.name || '县' || n, 'GOVERNMENT', 'COUNTY', p.id
                    FROM organization p, generate_series(1, %d) AS n WHERE p.code LIKE 'scl.p%%' AND p.level = 'PREFECTURE'""".formatted(COUNTIES));
            s.execute("""
                    INSERT INTO organization (id, code, name, kind, level, parent_id)
                    SELECT gen_random_uuid(), g.code || '.d' || lpad(n::text, 2, '0'), g.name || '部门' || n, 'DEPARTMENT', g.level, g.id
                    FROM organization g, generate_series(1, %d) AS n
                    WHERE g.code LIKE 'scl.%%' AND g.kind = 'GOVERNMENT'""".formatted(DEPARTMENTS));
            s.execute("ANALYZE organization");
        }
    }

    private static JsonPath read(String query, Map<String, Object> variables) {
        JsonPath answer = post(TestTokens.viewer(), query, variables);
        assertThat(answer.getString("errors")).as(answer.prettify()).isNull();
        return answer;
    }

    private static List<String> below(String code) {
        return read(SCOPE, Map.of("c", code)).getList("data.organization.descendantIds");
    }

    /** The statements on the organization table one run of the read issues. */
    private static long statements(String query, Map<String, Object> variables) {
        read(query, variables);
        return SqlStatements.fewestOfThree(() -> read(query, variables), "organization");
    }

    @Test
    void theProvincesTwentyThousandDescendantIdsAreItsDescendantsWhichComeNearestFirst() {
        List<String> ids = below("scl");
        assertThat(ids).hasSize(BELOW_PROVINCE).doesNotHaveDuplicates();
        List<String> descendants = read("{ organization(code: \"scl\") { descendants { id } } }", Map.of())
                .getList("data.organization.descendants.id");
        assertThat(ids).containsExactlyInAnyOrderElementsOf(descendants);

        List<String> nearestFirst = read("{ organization(code: \"scl.p01\") { descendants { code } } }", Map.of())
                .getList("data.organization.descendants.code");
        assertThat(nearestFirst).hasSize(COUNTIES + DEPARTMENTS + COUNTIES * DEPARTMENTS);
        assertThat(nearestFirst.subList(0, DEPARTMENTS + COUNTIES)).allMatch(code -> code.split("\\.").length == 3);
        assertThat(nearestFirst.get(0)).isEqualTo("scl.p01.c001");
    }

    @Test
    void theProvincesSubtreeReadPageByPageIsItsDescendantsInTheSameOrderOnceEach() {
        List<String> whole = read("{ organization(code: \"scl\") { descendants { code } } }", Map.of())
                .getList("data.organization.descendants.code");
        String page = """
                query($after: String) { organization(code: "scl") { descendantPage(first: 500, after: $after) {
                  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code } } } } }""";
        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more && pages++ < 100) {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("after", after);
            JsonPath answer = read(page, variables);
            assertThat(answer.getInt("data.organization.descendantPage.totalCount")).isEqualTo(BELOW_PROVINCE);
            paged.addAll(answer.getList("data.organization.descendantPage.edges.node.code"));
            after = answer.getString("data.organization.descendantPage.pageInfo.endCursor");
            more = answer.getBoolean("data.organization.descendantPage.pageInfo.hasNextPage");
        }
        assertThat(pages).isEqualTo((BELOW_PROVINCE + 499) / 500);
        assertThat(paged).isEqualTo(whole);

        // The same filter as descendants; past the end an empty page.
        String counties = "{ organization(code: \"scl.p01\") { descendants(level: COUNTY, kind: GOVERNMENT) { code } "
                + "descendantPage(level: COUNTY, kind: GOVERNMENT, first: 30) { totalCount edges { node { code } } } } }";
        JsonPath filtered = read(counties, Map.of());
        assertThat(filtered.getList("data.organization.descendantPage.edges.node.code"))
                .isEqualTo(filtered.getList("data.organization.descendants.code").subList(0, 30));
        assertThat(filtered.getInt("data.organization.descendantPage.totalCount")).isEqualTo(COUNTIES);
        JsonPath past = read(page, Map.of("after", after == null ? "" : after));
        assertThat(past.getList("data.organization.descendantPage.edges")).isEmpty();
        assertThat(past.getBoolean("data.organization.descendantPage.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void aProvincesScopeCostsTheSameStatementsAsACountys() {
        long province = statements(SCOPE, Map.of("c", "scl"));
        long county = statements(SCOPE, Map.of("c", "scl.p03.c007"));

        // The organization by its code, then everything below it from the tree's snapshot after one version check.
        assertThat(province).isEqualTo(county).isLessThanOrEqualTo(2);
        String subtree = "query($c: String) { organization(code: $c) { descendants { id code name } } }";
        assertThat(statements(subtree, Map.of("c", "scl"))).isEqualTo(statements(subtree, Map.of("c", "scl.p03.c007")))
                .isLessThanOrEqualTo(2);
        String page = "query($c: String) { organization(code: $c) { descendantPage(first: 500) { totalCount edges { node { id code } } } } }";
        assertThat(statements(page, Map.of("c", "scl"))).isEqualTo(statements(page, Map.of("c", "scl.p03.c007")))
                .isLessThanOrEqualTo(2);
        assertThat(below("scl.p03.c007")).hasSize(DEPARTMENTS);
    }

    @Test
    void theCurrentSuccessorsOfTwentyThousandIdsAreOneStatementAndFollowEveryReform() {
        post(TestTokens.admin(), "mutation { recordSuccession(predecessorCode: \"scl.p12.c098.d01\", successorCode: \"scl.p12.c098.d02\", date: \"2019-01-01\") { id } }");
        post(TestTokens.admin(), "mutation { recordSuccession(predecessorCode: \"scl.p12.c098.d02\", successorCode: \"scl.p12.c098.d03\", date: \"2024-01-01\") { id } }");
        List<String> ids = below("scl");
        Map<String, String> byCode = new java.util.HashMap<>();
        read("{ organization(code: \"scl.p12.c098\") { descendants { id code } } }", Map.of())
                .<Map<String, String>>getList("data.organization.descendants").forEach(o -> byCode.put(o.get("code"), o.get("id")));
        String query = "query($ids: [String!]!) { currentSuccessors(ids: $ids) { id successorId } }";

        List<Map<String, String>> heirs = read(query, Map.of("ids", ids)).getList("data.currentSuccessors");
        assertThat(heirs).containsExactlyInAnyOrder(
                Map.of("id", byCode.get("scl.p12.c098.d01"), "successorId", byCode.get("scl.p12.c098.d03")),
                Map.of("id", byCode.get("scl.p12.c098.d02"), "successorId", byCode.get("scl.p12.c098.d03")));

        assertThat(statements(query, Map.of("ids", ids))).isEqualTo(statements(query, Map.of("ids", ids.subList(0, 3))))
                .isEqualTo(1);
    }

    @Test
    void thePredecessorsOfTwentyThousandIdsAreOneStatementAndGoBackEveryReform() {
        post(TestTokens.admin(), "mutation { recordSuccession(predecessorCode: \"scl.p11.c097.d01\", successorCode: \"scl.p11.c097.d02\", date: \"2019-01-01\") { id } }");
        post(TestTokens.admin(), "mutation { recordSuccession(predecessorCode: \"scl.p11.c097.d02\", successorCode: \"scl.p11.c097.d03\", date: \"2024-01-01\") { id } }");
        List<String> ids = below("scl");
        Map<String, String> byCode = new java.util.HashMap<>();
        read("{ organization(code: \"scl.p11.c097\") { descendants { id code } } }", Map.of())
                .<Map<String, String>>getList("data.organization.descendants").forEach(o -> byCode.put(o.get("code"), o.get("id")));
        String query = "query($ids: [String!]!) { predecessors(ids: $ids) { id predecessorId } }";

        List<Map<String, String>> lineages = read(query, Map.of("ids", ids)).getList("data.predecessors");
        assertThat(lineages).as("replaced bodies elsewhere in the tree (other tests) aside").filteredOn(p -> byCode.containsValue(p.get("id")))
                .containsExactlyInAnyOrder(
                        Map.of("id", byCode.get("scl.p11.c097.d03"), "predecessorId", byCode.get("scl.p11.c097.d02")),
                        Map.of("id", byCode.get("scl.p11.c097.d03"), "predecessorId", byCode.get("scl.p11.c097.d01")),
                        Map.of("id", byCode.get("scl.p11.c097.d02"), "predecessorId", byCode.get("scl.p11.c097.d01")));

        assertThat(statements(query, Map.of("ids", ids))).isEqualTo(statements(query, Map.of("ids", ids.subList(0, 3))))
                .isEqualTo(1);
    }

    @Test
    void aMovedCountyTakesItsDepartmentsAlongIntoTheOtherPrefecturesScope() {
        JsonPath county = read("{ organization(code: \"scl.p05.c050\") { id version descendantIds } }", Map.of());
        List<String> departments = county.getList("data.organization.descendantIds");
        assertThat(departments).hasSize(DEPARTMENTS);
        assertThat(new HashSet<>(below("scl.p05"))).containsAll(departments);

        JsonPath moved = post(TestTokens.admin(), "mutation($id: ID!, $v: Int!) { moveOrganization(id: $id, newParentCode: \"scl.p06\", version: $v) { id } }",
                Map.of("id", county.getString("data.organization.id"), "v", county.getInt("data.organization.version")));
        assertThat(moved.getString("errors")).as(moved.prettify()).isNull();

        assertThat(below("scl.p06")).contains(county.getString("data.organization.id")).containsAll(departments);
        assertThat(below("scl.p05")).doesNotContain(county.getString("data.organization.id")).doesNotContainAnyElementsOf(departments);
        assertThat(below("scl")).hasSize(BELOW_PROVINCE);
    }
}
