package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import gov.planning.gateway.fakes.FakeSubgraph;
import gov.planning.gateway.fakes.FakeSubgraphsResource;
import gov.planning.testing.GraphQLClient;
import gov.planning.testing.TestTokens;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * What GraphiQL, GraphQL Code Generator and IDEs send to learn the schema. The queries under
 * {@code src/test/resources/introspection/} are graphql-js 16.15's {@code getIntrospectionQuery()} text exactly
 * ({@code node -e 'process.stdout.write(require("graphql").getIntrospectionQuery())'}; "all-options" with every
 * option GraphiQL and codegen can turn on), fifteen levels deep because of their {@code ofType} chains.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeSubgraphsResource.class)
class IntrospectionTest {

    @ConfigProperty(name = "planning.subgraphs.plan-service.url")
    String planUrl;

    @ConfigProperty(name = "planning.subgraphs.org-service.url")
    String orgUrl;

    @BeforeEach
    void resetFakes() {
        FakeSubgraph.reset(planUrl);
        FakeSubgraph.reset(orgUrl);
    }

    @ParameterizedTest
    @ValueSource(strings = { "graphql-js-16-default", "graphql-js-16-all-options" })
    void theStandardIntrospectionQueryIsAnsweredAndAClientSchemaCanBeBuiltFromIt(String file) {
        String query = FakeSubgraph.resource("/introspection/" + file + ".graphql");

        JsonPath response = given().contentType(ContentType.JSON).auth().oauth2(TestTokens.viewer())
                .body(Map.of("query", query, "operationName", "IntrospectionQuery"))
                .post("/graphql").then().statusCode(200).extract().jsonPath();

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getString("data.__schema.queryType.name")).isEqualTo("Query");
        assertThat(response.getString("data.__schema.mutationType.name")).isEqualTo("Mutation");
        assertThat(response.getList("data.__schema.types.name", String.class))
                .contains("Plan", "Organization", "Indicator", "PlanStatus", "PlanInput", "Document", "Date")
                .doesNotContain("_Any", "_Entity", "_Service");
        // What codegen and GraphiQL do with the answer: build a client schema from it.
        Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(response.getMap("data"));
        GraphQLSchema client = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().buildRegistry(sdl));
        assertThat(GraphQLTypeUtil.simplePrint(client.getQueryType().getFieldDefinition("plans").getArgument("status").getType()))
                .isEqualTo("PlanStatus");
        assertThat(GraphQLTypeUtil.simplePrint(((GraphQLObjectType) client.getType("Plan")).getFieldDefinition("issuer").getType()))
                .isEqualTo("Organization");
        assertThat(GraphQLTypeUtil.simplePrint(((GraphQLObjectType) client.getType("Plan")).getFieldDefinition("indicators").getType()))
                .isEqualTo("[Indicator!]!");
        assertThat(FakeSubgraph.requests(planUrl)).isEmpty(); // answered by the gateway alone
    }

    @Test
    void aNormalFieldNestedTooDeepIsStillRefusedNextToIntrospection() {
        String deep = "organizations { " + "parent { ".repeat(12) + "id" + " }".repeat(12) + " }";

        assertThat(GraphQLClient.firstErrorCode(post("{ " + deep + " }"))).isEqualTo("QUERY_TOO_DEEP");
        assertThat(GraphQLClient.firstErrorCode(post("{ __schema { queryType { name } } " + deep + " }")))
                .isEqualTo("QUERY_TOO_DEEP");
        assertThat(GraphQLClient.firstErrorCode(post("query Q { ...Schema " + deep + " } fragment Schema on Query { __schema { types { name } } }")))
                .isEqualTo("QUERY_TOO_DEEP");
        assertThat(FakeSubgraph.requests(orgUrl)).isEmpty();
    }

    @Test
    void introspectionNextToNormalFieldsWithinTheLimitIsAnsweredTogether() {
        String eleven = "organizations { id " + "parent { ".repeat(10) + "id" + " }".repeat(10) + " }";

        JsonPath response = post("{ __schema { queryType { name } } " + eleven + " }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getString("data.__schema.queryType.name")).isEqualTo("Query");
        assertThat(response.getList("data.organizations.id")).containsExactly("o1", "o2");
    }

    @Test
    void anIntrospectionSubtreeDeeperThanItsOwnBoundIsRefused() {
        String ofTypes = "ofType { ".repeat(19) + "name" + " }".repeat(19);

        JsonPath response = post("{ __type(name: \"Plan\") { fields { type { " + ofTypes + " } } } }");

        assertThat(GraphQLClient.firstErrorCode(response)).isEqualTo("QUERY_TOO_DEEP");
        assertThat(response.getString("errors[0].message")).contains("introspection");
    }

    @Test
    void introspectionThatWalksTheSchemasCyclesIsRefusedAsTooComplex() {
        // Every type's fields' types' fields: grows with the schema squared; graphql-java's good-faith rule.
        JsonPath response = post("{ __schema { types { fields { type { fields { type { name } } } } } } }");

        assertThat(GraphQLClient.firstErrorCode(response)).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(response.getMap("$")).doesNotContainKey("data");
        assertThat(response.getString("errors[0].message")).contains("__Type.fields");
    }

    private static JsonPath post(String query) {
        return GraphQLClient.post(TestTokens.viewer(), query);
    }
}
