package gov.planning.gateway.transport;

/** A subgraph request failed as a whole: unreachable, timed out, or not a GraphQL answer. */
public class SubgraphException extends RuntimeException {

    private final String code;

    public SubgraphException(String message, String code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** {@code SUBGRAPH_TIMEOUT}, {@code SUBGRAPH_UNAVAILABLE} or {@code SUBGRAPH_BAD_RESPONSE}. */
    public String code() {
        return code;
    }
}
