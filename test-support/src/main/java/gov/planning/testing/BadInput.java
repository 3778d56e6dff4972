package gov.planning.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Table-driven checks of refused input: each case is a request a careless or hostile client could send, and the
 * answer must carry the documented {@code extensions.code}, never a 5xx, never internals in the message (Java types,
 * AST classes, SQL), and must leave the database as it was.
 */
public final class BadInput {

    /** Words that only leak from inside the service: Java packages and types, graphql-java's AST, the database. */
    private static final List<String> INTERNALS = List.of("gov.planning", "java.", "jakarta.", "Exception", "StringValue{",
            "IntValue{", "Unknown Scalar Type", "SQL", "constraint", "duplicate key", "System error", "\u0000");

    /** One request and the code it must be answered with; {@code body} is sent as is (it need not be valid JSON). */
    public record Case(String name, String body, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BadInput() {
    }

    /** A case whose body is {@code query} with {@code variables}, encoded as a client library would. */
    public static Case of(String name, String code, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return new Case(name, json(body), code);
    }

    public static Case raw(String name, String code, String body) {
        return new Case(name, body, code);
    }

    /**
     * Requests that are not a GraphQL request at all, the same for every subgraph: HTTP 400 {@code BAD_REQUEST}, or a
     * query that does not parse ({@code GRAPHQL_PARSE_FAILED}) or asks for a field no type has
     * ({@code GRAPHQL_VALIDATION_FAILED}), or one that is a fragment bomb ({@code QUERY_TOO_COMPLEX}).
     */
    public static List<Case> malformedRequests() {
        String query = "{\"query\":\"{ __typename }\"";
        return List.of(
                of("fragments spreading fragments twice, 40 levels (2^40 fields expanded)", "QUERY_TOO_COMPLEX", fragmentBomb(40), vars()),
                of("syntax error", "GRAPHQL_PARSE_FAILED", "{ __typename ", vars()),
                of("syntax error in a mutation", "GRAPHQL_PARSE_FAILED", "mutation { x(", vars()),
                of("unknown field", "GRAPHQL_VALIDATION_FAILED", "{ noSuchField }", vars()),
                raw("variables a list", "BAD_REQUEST", query + ",\"variables\":[1]}"),
                raw("variables a string", "BAD_REQUEST", query + ",\"variables\":\"{}\"}"),
                raw("variables a number", "BAD_REQUEST", query + ",\"variables\":1}"),
                raw("variables true", "BAD_REQUEST", query + ",\"variables\":true}"),
                raw("query not a string", "BAD_REQUEST", "{\"query\":{\"a\":1}}"),
                raw("body not JSON", "BAD_REQUEST", "query { __typename }"),
                raw("body cut off", "BAD_REQUEST", "{\"query\":"),
                raw("body a list", "BAD_REQUEST", "[" + query + "}]"));
    }

    /**
     * An operation of a few hundred characters that is 2^{@code levels} fields once its fragments are expanded: each
     * fragment spreads the one below it twice. Valid in every schema (fragments on {@code Query}).
     */
    public static String fragmentBomb(int levels) {
        StringBuilder bomb = new StringBuilder("{ ...F" + levels + " } fragment F0 on Query { __typename }");
        for (int i = 1; i <= levels; i++) {
            bomb.append(" fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }
        return bomb.toString();
    }

    /** A map that keeps null values, for variables. */
    public static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Sends the case with {@code token} and checks the answer; {@code rows} counts what the service has stored. */
    public static void check(Case c, String token, LongSupplier rows) {
        long before = rows.getAsLong();
        Response response = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(c.body()).when().post("/graphql");
        String text = response.asString();
        assertThat(response.statusCode()).as(c.name() + ": " + text).isLessThan(500);
        JsonPath answer = new JsonPath(text);
        assertThat(answer.getString("errors[0].extensions.code")).as(c.name() + ": " + text).isEqualTo(c.code());
        List<String> messages = answer.getList("errors.message", String.class);
        assertThat(messages).as(c.name()).isNotEmpty()
                .allSatisfy(m -> assertThat(m).as(c.name()).doesNotContain(INTERNALS.toArray(String[]::new)));
        assertThat(rows.getAsLong()).as(c.name() + ": rows written").isEqualTo(before);
    }

    /** The cases' names that fail, each with why, so one run shows every broken case instead of the first. */
    public static List<String> failures(List<Case> cases, String token, LongSupplier rows) {
        List<String> failed = new ArrayList<>();
        for (Case c : cases) {
            try {
                check(c, token, rows);
            } catch (AssertionError e) {
                failed.add(e.getMessage());
            }
        }
        return failed;
    }

    /**
     * JSON with every non-ASCII character escaped as {@code \\uXXXX}, so control characters and lone surrogate halves
     * reach the service as the JSON text says (a UTF-8 encoder would turn a lone surrogate into '?').
     */
    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char ch : text.toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    out.append('\\').append(ch);
                } else if (ch < 0x20 || ch > 0x7e) {
                    out.append(String.format("\\u%04x", (int) ch));
                } else {
                    out.append(ch);
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(json(String.valueOf(k)) + ":" + json(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(BadInput::json).toList()) + "]";
        }
        return String.valueOf(value);
    }
}
