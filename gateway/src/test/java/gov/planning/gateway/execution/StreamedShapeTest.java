package gov.planning.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.planning.gateway.planning.NormalizedOperation;
import gov.planning.gateway.planning.OperationNormalizer;
import gov.planning.gateway.planning.SelectionNode;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * A plan's only fetch is shaped while its answer is read (decision 0021): the client must get exactly the text the
 * tree path writes from the same answer, or the tree path must answer.
 */
class StreamedShapeTest {

    private static final String SDL = """
            type Query { tasks(first: Int): TaskPage! task(id: ID!): Task node(id: ID!): Node search: [Result!]! orgs: [Org] }
            type TaskPage { totalCount: Int! edges: [TaskEdge!]! }
            type TaskEdge { cursor: String node: Task! }
            interface Node { id: ID! }
            type Task implements Node { id: ID! title: String health: Health progress: Float weight: Float lead: Org leads: [Org!] meta: JSON }
            type Org implements Node { id: ID! name: String! }
            union Result = Task | Org
            enum Health { GREEN YELLOW RED }
            scalar JSON
            """;

    private final ObjectMapper mapper = new ObjectMapper();
    private final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), RuntimeWiring.MOCKED_WIRING);

    private NormalizedOperation operation(String query) {
        Document document = new Parser().parseDocument(query);
        return new OperationNormalizer(schema, document, Map.of()).normalize(OperationNormalizer.select(document, null));
    }

    private static Set<String> fetched(NormalizedOperation operation) {
        Set<String> keys = new LinkedHashSet<>();
        operation.rootFields().stream().filter(f -> !f.isTypename()).map(SelectionNode::responseKey).forEach(keys::add);
        return keys;
    }

    /** What the client gets without streaming: the root fetch's fields put into the data, then shaped from the tree. */
    private String shaped(NormalizedOperation operation, String answer) throws Exception {
        JsonNode data = mapper.readTree(answer).path("data");
        ObjectNode root = mapper.createObjectNode();
        for (String key : fetched(operation)) {
            JsonNode value = data.isObject() ? data.get(key) : null;
            root.set(key, value == null ? mapper.nullNode() : value);
        }
        return new ResponseShaper(schema, mapper, null).object(root, operation.rootType(), operation.rootFields());
    }

    private ResponseShaper.Streamed streamed(NormalizedOperation operation, String answer) throws Exception {
        try (JsonParser parser = mapper.createParser(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return new ResponseShaper(schema, mapper, null).stream(parser, operation.rootType(), operation.rootFields(), fetched(operation));
        }
    }

    private void assertStreamsAsShaped(String query, String answer) throws Exception {
        NormalizedOperation operation = operation(query);
        String expected = shaped(operation, answer);
        ResponseShaper.Streamed streamed = streamed(operation, answer);
        assertThat(streamed.data()).isEqualTo(expected);
        assertThat(streamed.errors()).isEqualTo(mapper.readTree(answer).path("errors"));
    }

    private void assertLeftToTheTree(String query, String answer) {
        NormalizedOperation operation = operation(query);
        assertThatThrownBy(() -> streamed(operation, answer)).isInstanceOf(ResponseShaper.NotStreamable.class);
    }

    @Test
    void aPageOfTasksStreamsIntoTheSameTextAsItsTree() throws Exception {
        String query = """
                { tasks(first: 2) { totalCount edges { cursor node { kind: __typename id title health progress weight
                  lead { id name } leads { name } meta } } } orgs { name } }""";
        String answer = """
                {"extensions":{"trace":1},"data":{"_gw_typename":"Query","tasks":{"_gw_typename":"TaskPage","totalCount":12345678901,
                "edges":[{"_gw_typename":"TaskEdge","cursor":"c1","node":{"_gw_typename":"Task","id":"t1",
                "title":"规划 \\"一\\" \\\\ 二\\n\\t\\u001F \\u00e9 \\/ 😀","health":"RED","progress":1.50,"weight":-0,"lead":null,
                "leads":[{"_gw_typename":"Org","name":"住建厅"}],"meta":{"b":[1,2.0,"x"],"a":null}}},
                {"_gw_typename":"TaskEdge","cursor":null,"node":{"_gw_typename":"Task","id":"t2","title":null,"health":"PURPLE",
                "progress":1e3,"weight":0.1,"lead":{"_gw_typename":"Org","id":"o1","name":"发改委"},"leads":[],"meta":"text"}}]},
                "orgs":[null,{"_gw_typename":"Org","name":"o"}]},"errors":[{"message":"partly","path":["tasks","edges",1,"node","title"],
                "locations":[{"line":1,"column":2}],"extensions":{"code":"FORBIDDEN"}}]}""";

        assertStreamsAsShaped(query, answer);
        // the hidden enum value became null, the float and the escapes are the tree's
        assertThat(streamed(operation(query), answer).data()).contains("\"health\":null", "\"progress\":1000.0", "\\u001f", "é");
    }

    @Test
    void typeConditionsOnUnionsAndInterfacesStreamAsTheyShape() throws Exception {
        String query = """
                { search { __typename ... on Task { id title } ... on Org { id name } ... on Node { id } }
                  node(id: "o1") { id ... on Org { name } } }""";
        String answer = """
                {"data":{"search":[{"_gw_typename":"Org","__typename":"Org","id":"o1","name":"发改委"},
                {"_gw_typename":"Task","__typename":"Task","id":"t1","title":"A"}],
                "node":{"_gw_typename":"Org","id":"o1","name":"发改委"}}}""";

        assertStreamsAsShaped(query, answer);
    }

    @Test
    void aSubgraphErrorWithPartialDataStreamsItsDataAndHandsBackItsErrors() throws Exception {
        String query = "{ task(id: \"t1\") { id title lead { name } } }";
        String answer = """
                {"errors":[{"message":"无权查看","path":["task","title"],"extensions":{"code":"FORBIDDEN"}}],
                "data":{"task":{"_gw_typename":"Task","id":"t1","title":null,"lead":null}}}""";

        assertStreamsAsShaped(query, answer);
        assertThat(streamed(operation(query), answer).errors().get(0).path("extensions").path("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void answersWhoseTextCouldShapeDifferentlyAreLeftToTheTreePath() throws Exception {
        String query = "{ task(id: \"t1\") { id title lead { id name } } }";
        // fields in another order, one missing, one extra, one twice (the tree keeps the last), one the gateway aliased
        assertLeftToTheTree(query, "{\"data\":{\"task\":{\"title\":\"A\",\"id\":\"t1\",\"lead\":null}}}");
        assertLeftToTheTree(query, "{\"data\":{\"task\":{\"id\":\"t1\",\"lead\":null}}}");
        assertLeftToTheTree(query, "{\"data\":{\"task\":{\"id\":\"t1\",\"title\":\"A\",\"lead\":null,\"x\":1}}}");
        assertLeftToTheTree(query, "{\"data\":{\"task\":{\"id\":\"t1\",\"title\":\"A\",\"title\":\"B\",\"lead\":null}}}");
        assertLeftToTheTree(query, "{\"data\":{\"task\":{\"id\":\"t1\",\"_gw_as_title\":\"A\",\"lead\":null}}}");
        // a null where the schema says non-null nulls the parent; a type clients cannot see is null
        assertLeftToTheTree(query, "{\"data\":{\"task\":{\"id\":\"t1\",\"title\":\"A\",\"lead\":{\"id\":\"o1\",\"name\":null}}}}");
        assertLeftToTheTree(query, "{\"data\":{\"task\":{\"id\":\"t1\",\"title\":\"A\",\"lead\":{\"_gw_typename\":\"Secret\",\"id\":\"o1\",\"name\":\"x\"}}}}");
        // no data object, twice data, not an answer at all
        assertLeftToTheTree(query, "{\"data\":null,\"errors\":[{\"message\":\"down\"}]}");
        assertLeftToTheTree(query, "{\"errors\":[{\"message\":\"down\"}]}");
        assertLeftToTheTree(query, "{\"data\":{\"task\":null},\"data\":{\"task\":null}}");
        assertLeftToTheTree(query, "[1]");
        NormalizedOperation operation = operation(query);
        assertThat(shaped(operation, "{\"data\":{\"task\":{\"id\":\"t1\",\"title\":\"A\",\"lead\":{\"id\":\"o1\",\"name\":null}}}}"))
                .isEqualTo("{\"task\":{\"id\":\"t1\",\"title\":\"A\",\"lead\":null}}");
        assertThat(shaped(operation, "{\"data\":{\"task\":{\"id\":\"t1\",\"title\":\"A\",\"title\":\"B\",\"lead\":null}}}"))
                .isEqualTo("{\"task\":{\"id\":\"t1\",\"title\":\"B\",\"lead\":null}}");
    }

    @Test
    void aNonNullRootFieldThatIsNullIsLeftToTheTreeWhichNullsTheData() throws Exception {
        String query = "{ tasks { totalCount } }";
        assertLeftToTheTree(query, "{\"data\":{\"tasks\":null},\"errors\":[{\"message\":\"boom\",\"path\":[\"tasks\"]}]}");
        assertThat(shaped(operation(query), "{\"data\":{\"tasks\":null}}")).isNull();
    }
}
