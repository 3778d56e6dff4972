package gov.planning.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.planning.gateway.planning.RequestException;

/**
 * A GraphQL-over-HTTP request ({@code extensions.persistedQuery} is APQ), checked member by member: a client that
 * sends {@code variables} as a string or {@code query} as an object gets {@code BAD_REQUEST} naming the member,
 * not a deserialization failure.
 */
record GraphQLRequest(String query, ObjectNode variables, String operationName, ObjectNode extensions) {

    /** The JSON body of a POST. */
    static GraphQLRequest of(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new RequestException("BAD_REQUEST", "The request body is empty: send a JSON object with query");
        }
        if (!body.isObject()) {
            throw new RequestException("BAD_REQUEST", "The request body must be one JSON object (batched requests are not supported)");
        }
        return of(body.get("query"), body.get("variables"), body.get("operationName"), body.get("extensions"));
    }

    /** The members as JSON values (null or absent: not sent); GET's URL parameters are passed as they parse. */
    static GraphQLRequest of(JsonNode query, JsonNode variables, JsonNode operationName, JsonNode extensions) {
        return new GraphQLRequest(text(query, "query"), (ObjectNode) object(variables, "variables"),
                text(operationName, "operationName"), (ObjectNode) object(extensions, "extensions"));
    }

    private static String text(JsonNode value, String member) {
        if (absent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw new RequestException("BAD_REQUEST", member + " must be a string");
        }
        return value.textValue();
    }

    private static JsonNode object(JsonNode value, String member) {
        if (absent(value)) {
            return null;
        }
        if (!value.isObject()) {
            throw new RequestException("BAD_REQUEST", member + " must be a JSON object");
        }
        return value;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
