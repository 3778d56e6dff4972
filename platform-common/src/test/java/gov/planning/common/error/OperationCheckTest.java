package gov.planning.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.vertx.core.json.JsonObject;

class OperationCheckTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { plans(first: Int, years: [Int!], filter: Filter): [Plan] plan(id: ID): Plan }
            type Mutation { record(value: Float!, count: Int): Plan }
            type Plan { id: ID title: String tasks(first: Int): [Task] }
            type Task { id: ID }
            input Filter { from: Int, years: [Int], weight: Float, nested: Filter }
            """), RuntimeWiring.MOCKED_WIRING);

    private static OperationCheck.Refusal check(String query) {
        return check(query, null, null);
    }

    private static OperationCheck.Refusal check(String query, String variables, String operationName) {
        return OperationCheck.check(Parser.parse(query), SCHEMA, variables == null ? null : new JsonObject(variables), operationName, 20000);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{ plans(first: 2147483648) { id } }", "{ plans(first: -2147483649) { id } }",
            "{ plans(years: [2026, 4294967296]) { id } }", "{ plans(years: 9999999999) { id } }",
            "{ plans(filter: { from: 2147483648 }) { id } }", "{ plans(filter: { nested: { years: [1, 2147483648] } }) { id } }",
            "{ plans { tasks(first: 2147483648) { id } } }", "{ plan { ... on Plan { tasks(first: 2147483648) { id } } } }",
            "{ plans { ...F } } fragment F on Plan { tasks(first: 99999999999999999999) { id } }",
            "mutation { record(value: 1, count: 2147483648) { id } }" })
    void anIntLiteralBeyond32BitsIsAValidationErrorAsAtTheGatewayInsteadOfWrappingToANegativeNumber(String query) {
        OperationCheck.Refusal refusal = check(query);

        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(refusal.message()).contains("is not a valid Int, a whole number from -2147483648 to 2147483647")
                .doesNotContain("IntValue");
    }

    @Test
    void theMessageNamesTheArgumentAndTheInputField() {
        assertThat(check("{ plans(filter: { from: 2147483648 }) { id } }").message())
                .startsWith("argument 'filter' of plans (field 'from'): 2147483648 is not a valid Int");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{ plans(first: 2147483647) { id } }", "{ plans(first: -2147483648) { id } }",
            "mutation { record(value: 2147483648) { id } }", "mutation { record(value: 99999999999999999999) { id } }",
            "{ plans(filter: { weight: 2147483648 }) { id } }", "{ plan(id: 2147483648) { id } }",
            "{ plans(first: $n) { id } }", "{ nope(first: 2147483648) { id } }" })
    void intLiteralsWithin32BitsFloatPositionsAndWhatValidationReportsArePassedOn(String query) {
        assertThat(check(query)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"n\": 2147483648}", "{\"n\": -2147483649}", "{\"n\": 1.5}" })
    void anIntVariableBeyond32BitsOrNotWholeIsBadUserInputNamingTheVariable(String variables) {
        OperationCheck.Refusal refusal = check("query($n: Int) { plans(first: $n) { id } }", variables, null);

        assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
        assertThat(refusal.message()).startsWith("$n: must be a whole number between -2147483648 and 2147483647");
    }

    @Test
    void intsInsideListAndInputObjectVariablesAreCheckedWithTheirPath() {
        OperationCheck.Refusal refusal = check("query($f: Filter!) { plans(filter: $f) { id } }",
                "{\"f\": {\"from\": 2026, \"nested\": {\"years\": [2026, 2147483648]}}}", null);

        assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
        assertThat(refusal.message()).startsWith("$f.nested.years[1]: ");
    }

    @Test
    void largeFloatVariablesAndTheVariablesOfAnotherOperationPass() {
        assertThat(check("mutation($v: Float!) { record(value: $v) { id } }", "{\"v\": 2147483648}", null)).isNull();
        assertThat(check("query A($n: Int) { plans(first: $n) { id } } query B { plans { id } }", "{\"n\": 2147483648}", "B")).isNull();
        assertThat(check("query A($n: Int) { plans(first: $n) { id } } query B { plans { id } }", "{\"n\": 2147483648}", "A")).isNotNull();
    }

    @Test
    void fragmentsSpreadingFragmentsAreRefusedAsTooComplexWithoutBeingExpanded() {
        StringBuilder bomb = new StringBuilder("{ plans { ...F40 } } fragment F0 on Plan { id title }");
        for (int i = 1; i <= 40; i++) {
            bomb.append(" fragment F").append(i).append(" on Plan { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }

        OperationCheck.Refusal refusal = check(bomb.toString());

        assertThat(refusal.code()).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(refusal.message()).contains("fields once every fragment is counted where it is spread").contains("at most 20000");
    }

    @Test
    void anOperationWithinTheFieldBudgetIsPassedOnAlsoWithoutASchema() {
        assertThat(OperationCheck.check(Parser.parse("{ plans { ...F ...F } } fragment F on Plan { id title }"), null, Map.of(), null, 20000))
                .isNull();
        assertThat(OperationCheck.check(Parser.parse("{ plans { ...F ...F } } fragment F on Plan { id title }"), null, Map.of(), null, 4))
                .extracting(OperationCheck.Refusal::code).isEqualTo("QUERY_TOO_COMPLEX");
    }
}
