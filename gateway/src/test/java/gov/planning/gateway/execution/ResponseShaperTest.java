package gov.planning.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.planning.gateway.planning.NormalizedOperation;
import gov.planning.gateway.planning.OperationNormalizer;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

class ResponseShaperTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void stringsWithQuotesBackslashesAndControlCharactersAreWrittenAsTheSameJsonStrings() throws Exception {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("type Query { a: String b: String c: String }"),
                RuntimeWiring.newRuntimeWiring().build());
        Document document = new Parser().parseDocument("{ a b c }");
        NormalizedOperation operation = new OperationNormalizer(schema, document, Map.of())
                .normalize(OperationNormalizer.select(document, null));
        String tricky = "规划 \"一\" \\ 二\n\t\r\b\f\u0001 end";
        JsonNode raw = mapper.createObjectNode().put("a", tricky).put("b", "").put("c", "\"");

        String written = new ResponseShaper(schema, mapper, null).object(raw, operation.rootType(), operation.rootFields());

        assertThat(written).contains("\\u0001");
        JsonNode read = mapper.readTree(written);
        assertThat(read.get("a").asText()).isEqualTo(tricky);
        assertThat(read.get("b").asText()).isEmpty();
        assertThat(read.get("c").asText()).isEqualTo("\"");
    }
}
