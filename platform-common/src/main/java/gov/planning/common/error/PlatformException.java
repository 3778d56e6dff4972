package gov.planning.common.error;

/**
 * Base of every error a client is meant to read. Each subclass carries its {@code extensions.code} through
 * SmallRye's {@code @ErrorCode}; the services list this base class in
 * {@code quarkus.smallrye-graphql.show-runtime-exception-message} so the message reaches the client while any
 * other runtime exception stays a generic "System error" without internals.
 */
public abstract class PlatformException extends RuntimeException {

    protected PlatformException(String message) {
        super(message, null, false, false);
    }

    /** The value clients see as {@code extensions.code}. */
    public abstract String code();
}
