package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import gov.planning.gateway.fakes.FakeSubgraphsResource;
import gov.planning.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Whatever a client sends, the gateway answers as documented: never HTTP 5xx, every error with an
 * {@code extensions.code} listed in docs/frontend.md's Errors section (read from the file, so an undocumented code
 * fails here), the code each case expects, and no Java internals in any message.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeSubgraphsResource.class)
class ClientErrorsTest {

    private static final List<String> INTERNALS = List.of("java.", "gov.planning", "graphql.", "com.fasterxml", "Exception",
            "StringValue{", "IntValue{", "ObjectValue{", "EnumValue{", "ArrayValue{", "BooleanValue{", "Value{", "REDACTED",
            "StreamRead", "\tat ");

    private static Set<String> documentedCodes;

    @BeforeAll
    static void readTheDocumentedCodes() throws IOException {
        String guide = Files.readString(Path.of("../docs/frontend.md"));
        int start = guide.indexOf("\n## Errors");
        String errors = guide.substring(start, guide.indexOf("\n## ", start + 1));
        documentedCodes = new LinkedHashSet<>();
        Matcher code = Pattern.compile("`([A-Z][A-Z_]{3,})`").matcher(errors);
        while (code.find()) {
            documentedCodes.add(code.group(1));
        }
        assertThat(documentedCodes).contains("BAD_REQUEST", "BAD_USER_INPUT", "GRAPHQL_PARSE_FAILED", "QUERY_TOO_COMPLEX");
    }

    private static final String PLANS_FIRST = "query($n: Int) { plans(first: $n) { id } }";

    static Stream<Arguments> requests() {
        return Stream.of(
                // the request's members
                post("variables is an array", "{\"query\":\"{ plans { id } }\",\"variables\":[1]}", "BAD_REQUEST"),
                post("variables is a string", "{\"query\":\"{ plans { id } }\",\"variables\":\"{}\"}", "BAD_REQUEST"),
                post("variables is a number", "{\"query\":\"{ plans { id } }\",\"variables\":5}", "BAD_REQUEST"),
                post("variables is a boolean", "{\"query\":\"{ plans { id } }\",\"variables\":true}", "BAD_REQUEST"),
                post("query is a number", "{\"query\":42}", "BAD_REQUEST"),
                post("query is an object", "{\"query\":{\"text\":\"{ plans { id } }\"}}", "BAD_REQUEST"),
                post("query is an array", "{\"query\":[\"{ plans { id } }\"]}", "BAD_REQUEST"),
                post("query is missing", "{\"variables\":{}}", "BAD_REQUEST"),
                post("query is blank", "{\"query\":\"  \\n \"}", "BAD_REQUEST"),
                post("operationName is a number", "{\"query\":\"{ plans { id } }\",\"operationName\":1}", "BAD_REQUEST"),
                post("operationName is an object", "{\"query\":\"{ plans { id } }\",\"operationName\":{}}", "BAD_REQUEST"),
                post("extensions is a string", "{\"query\":\"{ plans { id } }\",\"extensions\":\"apq\"}", "BAD_REQUEST"),
                post("extensions is an array", "{\"query\":\"{ plans { id } }\",\"extensions\":[]}", "BAD_REQUEST"),
                post("persistedQuery is a string", "{\"extensions\":{\"persistedQuery\":\"abc\"}}", "BAD_REQUEST"),
                post("persistedQuery hash is a number", "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":5}}}",
                        "BAD_REQUEST"),
                // the body
                post("malformed JSON", "{\"query\": ", "BAD_REQUEST"),
                post("JSON with a trailing comma", "{\"query\":\"{ plans { id } }\",}", "BAD_REQUEST"),
                post("a batch (array body)", "[{\"query\":\"{ plans { id } }\"}]", "BAD_REQUEST"),
                post("a string body", "\"{ plans { id } }\"", "BAD_REQUEST"),
                post("a null body", "null", "BAD_REQUEST"),
                post("an empty body", "", "BAD_REQUEST"),
                postBytes("invalid UTF-8", new byte[] { '{', '"', 'q', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }, "BAD_REQUEST"),
                post("a number of 5000 digits", "{\"query\":\"" + PLANS_FIRST + "\",\"variables\":{\"n\":" + "9".repeat(5000) + "}}",
                        "BAD_REQUEST"),
                post("variables nested 5000 deep", "{\"query\":\"" + PLANS_FIRST + "\",\"variables\":{\"n\":" + "[".repeat(5000)
                        + "]".repeat(5000) + "}}", "BAD_REQUEST"),
                // the query text
                post("a NUL character in the query", "{\"query\":\"{ plans { id\\u0000 } }\"}", "GRAPHQL_PARSE_FAILED"),
                post("only a NUL character", "{\"query\":\"\\u0000\"}", "GRAPHQL_PARSE_FAILED"),
                // valid GraphQL since the October 2021 spec (any Unicode scalar value); what it means is the subgraph's business
                post("a NUL character in a string literal", "{\"query\":\"{ plan(id: \\\"p\\u00001\\\") { id } }\"}", null),
                post("a lone surrogate", "{\"query\":\"{ plans { id } } # \\ud800\"}", "GRAPHQL_PARSE_FAILED"),
                post("selections nested beyond the parser's bound", "{\"query\":\"" + "{ plans ".repeat(600) + "}".repeat(600) + "\"}",
                        "GRAPHQL_PARSE_FAILED"),
                post("Int literal 2147483648", "{\"query\":\"{ plans(first: 2147483648) { id } }\"}", "GRAPHQL_VALIDATION_FAILED"),
                post("Int literal with 40 digits", "{\"query\":\"{ plans(first: " + "9".repeat(40) + ") { id } }\"}",
                        "GRAPHQL_VALIDATION_FAILED"),
                post("a string literal for an Int", "{\"query\":\"{ plans(first: \\\"ten\\\") { id } }\"}", "GRAPHQL_VALIDATION_FAILED"),
                post("an object literal for an enum", "{\"query\":\"{ plans(status: {a: [1, 2.5, true, null, B]}) { id } }\"}",
                        "GRAPHQL_VALIDATION_FAILED"),
                post("a list literal for an input object", "{\"query\":\"mutation { createPlan(input: [\\\"x\\\"]) { id } }\"}",
                        "GRAPHQL_VALIDATION_FAILED"),
                post("an input object literal with an unknown field",
                        "{\"query\":\"mutation { createPlan(input: {title: \\\"t\\\", issuerId: \\\"o1\\\", nope: 1}) { id } }\"}",
                        "GRAPHQL_VALIDATION_FAILED"),
                post("a string literal for @include(if:)", "{\"query\":\"{ plans @include(if: \\\"yes\\\") { id } }\"}",
                        "GRAPHQL_VALIDATION_FAILED"),
                post("an undefined variable", "{\"query\":\"{ plans(first: $n) { id } }\"}", "GRAPHQL_VALIDATION_FAILED"),
                post("a subscription", "{\"query\":\"subscription { plans { id } }\"}", "GRAPHQL_VALIDATION_FAILED"),
                // variables
                variables("Int variable 2147483648", PLANS_FIRST, "{\"n\":2147483648}", "BAD_USER_INPUT"),
                variables("Int variable -2147483649", PLANS_FIRST, "{\"n\":-2147483649}", "BAD_USER_INPUT"),
                variables("Int variable with 30 digits", PLANS_FIRST, "{\"n\":" + "9".repeat(30) + "}", "BAD_USER_INPUT"),
                variables("Int variable 1.5", PLANS_FIRST, "{\"n\":1.5}", "BAD_USER_INPUT"),
                variables("Int variable 1e400", PLANS_FIRST, "{\"n\":1e400}", "BAD_USER_INPUT"),
                variables("Int variable as a string", PLANS_FIRST, "{\"n\":\"10\"}", "BAD_USER_INPUT"),
                variables("Int variable as an object", PLANS_FIRST, "{\"n\":{\"value\":10}}", "BAD_USER_INPUT"),
                variables("a Boolean variable that is a number", "query($v: Boolean!) { plans @include(if: $v) { id } }",
                        "{\"v\":1}", "BAD_USER_INPUT"),
                variables("a required variable missing", "query($id: ID!) { plan(id: $id) { id } }", "{}", "BAD_USER_INPUT"),
                variables("a required variable null", "query($id: ID!) { plan(id: $id) { id } }", "{\"id\":null}", "BAD_USER_INPUT"),
                variables("an enum variable with an unknown value", "query($s: PlanStatus) { plans(status: $s) { id } }",
                        "{\"s\":\"GONE\"}", "BAD_USER_INPUT"),
                variables("an input variable with an unknown field", "mutation($i: PlanInput!) { createPlan(input: $i) { id } }",
                        "{\"i\":{\"title\":\"t\",\"issuerId\":\"o1\",\"nope\":1}}", "BAD_USER_INPUT"),
                variables("an input variable that is a list", "mutation($i: PlanInput!) { createPlan(input: $i) { id } }",
                        "{\"i\":[1]}", "BAD_USER_INPUT"),
                variables("an @include variable that is a string", "query($v: Boolean!) { plans @include(if: $v) { id } }",
                        "{\"v\":\"yes\"}", "BAD_USER_INPUT"),
                // which operation
                post("an unknown operationName", "{\"query\":\"query A { plans { id } }\",\"operationName\":\"B\"}", "OPERATION_NOT_FOUND"),
                post("two operations without operationName", "{\"query\":\"query A { plans { id } } query B { plans { id } }\"}",
                        "OPERATION_NAME_REQUIRED"),
                // GET
                get("GET variables that are an array", Map.of("query", "{ plans { id } }", "variables", "[1]"), "BAD_REQUEST"),
                get("GET variables that are not JSON", Map.of("query", "{ plans { id } }", "variables", "{n:"), "BAD_REQUEST"),
                get("GET extensions that are a string", Map.of("query", "{ plans { id } }", "extensions", "\"x\""), "BAD_REQUEST"),
                get("GET Int variable 2147483648", Map.of("query", PLANS_FIRST, "variables", "{\"n\":2147483648}"), "BAD_USER_INPUT"),
                get("GET a NUL character", Map.of("query", "{ plans\u0000 { id } }"), "GRAPHQL_PARSE_FAILED"),
                get("GET a mutation", Map.of("query", "mutation { createPlan(input: {title: \"t\", issuerId: \"o1\"}) { id } }"),
                        "OPERATION_NOT_SUPPORTED"),
                get("GET without a query", Map.of(), "BAD_REQUEST"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aBadRequestGetsADocumentedCodeAndNoInternals(String name, Sent sent, String expectedCode) {
        RequestSpecification request = given().auth().oauth2(TestTokens.viewer());
        Response response;
        if (sent.body() == null) {
            sent.parameters().forEach(request::queryParam);
            response = request.get("/graphql");
        } else {
            response = request.contentType("application/json").body(sent.body()).post("/graphql");
        }

        assertThat(response.statusCode()).as("HTTP status").isLessThan(500);
        if (expectedCode == null) { // not an error at all
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.jsonPath().getList("errors")).isNull();
            assertThat(response.jsonPath().getMap("$")).containsKey("data");
            return;
        }
        assertThat(response.statusCode()).as("HTTP status").isEqualTo(200);
        List<Map<String, Object>> errors = response.jsonPath().getList("errors");
        assertThat(errors).as("errors").isNotEmpty();
        assertThat(response.jsonPath().getMap("$")).doesNotContainKey("data");
        for (Map<String, Object> error : errors) {
            Object code = ((Map<?, ?>) error.get("extensions")).get("code");
            assertThat(documentedCodes).as("documented codes").contains((String) code);
            assertThat((String) error.get("message")).as("message").isNotBlank().doesNotContain(INTERNALS);
        }
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo(expectedCode);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/xml",
            "multipart/form-data; boundary=x" })
    void aBodyThatIsNotJsonIsRefusedWithHttp415AndItsCode(String contentType) {
        // sent as these bytes whatever the content type (RestAssured would otherwise form-encode a form body itself)
        Response response = given().auth().oauth2(TestTokens.viewer())
                .config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                        .encodeContentTypeAs(contentType, io.restassured.http.ContentType.TEXT)))
                .contentType(contentType)
                .body("{\"query\":\"{ plans { id } }\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/graphql");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(documentedCodes).contains("BAD_REQUEST");
    }

    /** What a case sends: a POST body, or (body null) GET parameters. */
    record Sent(byte[] body, Map<String, String> parameters) {
    }

    private static Arguments post(String name, String body, String code) {
        return postBytes(name, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), code);
    }

    private static Arguments postBytes(String name, byte[] body, String code) {
        return Arguments.of(name, new Sent(body, Map.of()), code);
    }

    private static Arguments variables(String name, String query, String variables, String code) {
        String body = "{\"query\":" + quoted(query) + ",\"variables\":" + variables + "}";
        return post(name, body, code);
    }

    private static Arguments get(String name, Map<String, String> parameters, String code) {
        return Arguments.of(name, new Sent(null, parameters), code);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
