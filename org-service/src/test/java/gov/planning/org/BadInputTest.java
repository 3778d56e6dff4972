package gov.planning.org;

import static gov.planning.testing.BadInput.of;
import static gov.planning.testing.BadInput.vars;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.BadInput;
import gov.planning.testing.BadInput.Case;
import gov.planning.testing.TestDatabase;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Every refused input of org-service answers a documented code, never a 5xx or internals, and writes nothing. */
@QuarkusTest
class BadInputTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String BAD = "BAD_USER_INPUT";
    private static final String CREATE = "mutation($input: OrganizationInput!) { createOrganization(input: $input) { id } }";
    private static final String UPDATE = "mutation($id: ID!, $input: OrganizationUpdateInput!) { updateOrganization(id: $id, version: 0, input: $input) { id } }";

    private static long rows() {
        return TestDatabase.count("SELECT (SELECT count(*) FROM organization) + (SELECT count(*) FROM audit_trail)"
                + " + (SELECT coalesce(sum(version), 0) FROM organization) + (SELECT count(*) FROM collective_rule)");
    }

    private static Map<String, Object> organization(String field, Object value) {
        Map<String, Object> input = new HashMap<>(Map.of("code", "bad" + System.nanoTime(), "name", "测试厅", "kind", "DEPARTMENT",
                "level", "PROVINCE"));
        input.put(field, value);
        return input;
    }

    @Test
    void everyBadInputIsRefusedWithItsCodeWithoutInternalsAndWritesNothing() {
        String id = post(ADMIN, CREATE, Map.of("input", organization("name", "被改厅"))).getString("data.createOrganization.id");
        List<Case> cases = new ArrayList<>();

        for (String date : List.of("2025-02-30", "2025-13-01", "12025-01-01", "+99999-01-01", "1899-12-31", "2025-00-10")) {
            cases.add(of("validFrom " + date, BAD, CREATE, vars("input", organization("validFrom", date))));
        }
        cases.add(of("update validTo", BAD, UPDATE, vars("id", id, "input", Map.of("validTo", "2023-02-29"))));
        cases.add(of("deactivate validTo", BAD, "mutation($id: ID!) { deactivateOrganization(id: $id, validTo: \"2025-04-31\") { id } }",
                vars("id", id)));
        cases.add(of("succession date", BAD, "mutation { recordSuccession(predecessorCode: \"a\", successorCode: \"b\", date: \"20250101\") { id } }",
                vars()));
        cases.add(of("resolve asOf", BAD, "{ resolveOrganizationNames(names: [\"自然资源厅\"], asOf: \"2025-02-30\") { input } }", vars()));

        cases.add(of("name NUL", BAD, CREATE, vars("input", organization("name", "测试\u0000厅"))));
        cases.add(of("name lone surrogate", BAD, CREATE, vars("input", organization("name", "测试厅\ud83d"))));
        cases.add(of("name line break", BAD, CREATE, vars("input", organization("name", "测试\n厅"))));
        cases.add(of("shortName escape", BAD, CREATE, vars("input", organization("shortName", "\u001b测试"))));
        cases.add(of("alias control", BAD, CREATE, vars("input", organization("aliases", List.of("测试", "别名\u0002")))));
        cases.add(of("region C1 control", BAD, CREATE, vars("input", organization("region", "内蒙古\u009b"))));
        cases.add(of("code NUL", BAD, CREATE, vars("input", organization("code", "nmg\u0000x"))));
        cases.add(of("update name NUL", BAD, UPDATE, vars("id", id, "input", Map.of("name", "改名\u0000"))));
        cases.add(of("update alias surrogate", BAD, UPDATE, vars("id", id, "input", Map.of("aliases", List.of("\udfff")))));
        cases.add(of("search NUL", BAD, "{ organizations(search: \"厅\\u0000\") { __typename } }", vars()));
        cases.add(of("names NUL", BAD, "{ resolveOrganizationNames(names: [\"自然资源厅\\u0000\"]) { input } }", vars()));
        cases.add(of("contextCode control", BAD, "{ resolveOrganizationNames(names: [\"厅\"], contextCode: \"nmg\\u0007\") { input } }", vars()));

        cases.add(of("organization(id) not a uuid", BAD, "{ organization(id: \"x\") { id } }", vars()));
        cases.add(of("update id not a uuid", BAD, UPDATE, vars("id", "nmg.zrzyt", "input", Map.of("name", "改名"))));
        cases.add(of("move id not a uuid", BAD, "mutation { moveOrganization(id: \"1-2-3-4-5\", newParentCode: \"nmg\", version: 0) { id } }", vars()));
        cases.add(of("descendantPage first over 500", BAD, "{ organization(code: \"nmg\") { descendantPage(first: 501) { totalCount } } }", vars()));
        cases.add(of("descendantPage after not a cursor", BAD, "{ organization(code: \"nmg\") { descendantPage(after: \"zz\") { totalCount } } }", vars()));
        cases.add(of("auditLog organizationId", BAD, "{ auditLog(organizationId: \"zz\") { totalCount } }", vars()));

        cases.add(of("version not a number", BAD, UPDATE.replace("version: 0", "version: $v").replace("$id: ID!,", "$id: ID!, $v: Int!,"),
                vars("id", id, "v", "abc", "input", Map.of("name", "改名"))));
        cases.add(of("kind not a kind", BAD, CREATE, vars("input", organization("kind", "PALACE"))));
        cases.add(of("unknown input field", BAD, CREATE, vars("input", organization("bogus", "x"))));
        cases.add(of("unknown field of an organization", "GRAPHQL_VALIDATION_FAILED", "{ organization(code: \"nmg\") { nope } }", vars()));
        cases.addAll(BadInput.malformedRequests());

        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        assertThat(BadInput.failures(cases, ADMIN, BadInputTest::rows)).isEmpty();
    }
}
