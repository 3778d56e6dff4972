package gov.planning.org;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.planning.testing.SqlStatements;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Name resolution (an import's 50 organization names as the document writes them, issue #15) in a province's tree of
 * 20,000 organizations costs the same statements for fifty names as for one, in the province as in a county.
 */
@QuarkusTest
class NameResolutionStatementsTest {

    private static final String RESOLVE = """
            query($n: [String!]!, $c: String) { resolveOrganizationNames(names: $n, contextCode: $c) { input organization { code } } }""";

    @BeforeAll
    static void seedAProvince() throws SQLException {
        ProvinceScopeStatementsTest.seedAProvince();
    }

    private static JsonPath resolve(List<String> names, String context) {
        JsonPath answer = post(TestTokens.viewer(), RESOLVE, Map.of("n", names, "c", context));
        assertThat(answer.getString("errors")).as(answer.prettify()).isNull();
        return answer;
    }

    /** The statements on the organization tables one resolution issues, asked once before (the tree's snapshot). */
    private static long statements(List<String> names, String context) {
        resolve(names, context);
        return SqlStatements.fewestOfThree(() -> resolve(names, context), "organization");
    }

    @Test
    void fiftyNamesInAProvinceOfTwentyThousandOrganizationsCostTheSameStatementsAsOneInACounty() {
        // 40 departments of one prefecture's counties and 10 of the prefecture itself, as seedAProvince names them.
        List<String> names = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> i <= 40 ? "规模测试市3县" + (1 + (i - 1) / 16) + "部门" + (1 + (i - 1) % 16) : "规模测试市3部门" + (i - 40))
                .toList();
        List<String> codes = resolve(names, "scl").getList("data.resolveOrganizationNames.organization.code");
        assertThat(codes).as("every name is found, each its own organization").hasSize(50).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(codes.get(0)).isEqualTo("scl.p03.c001.d01");
        assertThat(codes.get(49)).isEqualTo("scl.p03.d10");

        long fifty = statements(names, "scl");
        long one = statements(List.of("规模测试市3县7部门5"), "scl.p03.c007");
        // Resolved from the tree's snapshot after one check of its version.
        assertThat(fifty).isEqualTo(one).isEqualTo(1);
    }
}
