package gov.planning.gateway.planning;

/** The client's operation cannot be run as sent; {@link #code()} becomes {@code extensions.code}. */
public class RequestException extends RuntimeException {

    private final String code;

    public RequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
