package gov.planning.gateway.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of one client request while its plan runs: the raw data merged so far (subgraph answers, with the
 * gateway's internal fields) and the errors. Subgraph answers arrive on different threads, so every change goes
 * through {@code synchronized (context)}.
 */
final class ExecutionContext {

    final ObjectMapper mapper;
    final ObjectNode data;
    final List<ObjectNode> errors = new ArrayList<>();
    final Map<String, String> headers;
    final ObjectNode variables;
    /**
     * The client's {@code data} as JSON text when the plan's only fetch was shaped while it was read (null: shape
     * {@link #data}).
     */
    String streamed;

    ExecutionContext(ObjectMapper mapper, Map<String, String> headers, ObjectNode variables) {
        this.mapper = mapper;
        this.data = mapper.createObjectNode();
        this.headers = headers;
        this.variables = variables;
    }

    /** An error the gateway raises for a failed subgraph request. */
    synchronized void error(String message, List<Object> path, String code, String serviceName) {
        ObjectNode error = mapper.createObjectNode();
        error.put("message", message);
        if (path != null) {
            error.set("path", pathNode(path));
        }
        ObjectNode extensions = error.putObject("extensions");
        extensions.put("code", code);
        extensions.put("serviceName", serviceName);
        errors.add(error);
    }

    /**
     * A subgraph's own error, re-pointed at the client's response path. Its {@code extensions} (above all
     * {@code code}, e.g. FORBIDDEN) are kept; locations are dropped, they point into the gateway's subgraph query.
     */
    synchronized void subgraphError(JsonNode original, List<Object> path, String serviceName) {
        ObjectNode error = original.isObject() ? ((ObjectNode) original).deepCopy() : mapper.createObjectNode();
        if (!error.hasNonNull("message")) {
            error.put("message", "Error in " + serviceName);
        }
        error.remove("locations");
        error.remove("path");
        if (path != null) {
            error.set("path", pathNode(path));
        }
        ObjectNode extensions = error.has("extensions") && error.get("extensions").isObject()
                ? (ObjectNode) error.get("extensions") : error.putObject("extensions");
        if (!extensions.hasNonNull("code")) {
            extensions.put("code", "DOWNSTREAM_SERVICE_ERROR");
        }
        extensions.put("serviceName", serviceName);
        errors.add(error);
    }

    private ArrayNode pathNode(List<Object> path) {
        ArrayNode node = mapper.createArrayNode();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                node.add(index);
            } else {
                node.add(String.valueOf(segment));
            }
        }
        return node;
    }
}
