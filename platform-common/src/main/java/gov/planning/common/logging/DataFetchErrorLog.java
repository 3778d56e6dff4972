package gov.planning.common.logging;

import org.jboss.logging.Logger;

import gov.planning.common.error.PlatformException;

/**
 * Logs failed GraphQL fields by what they mean for ops: a refused or invalid request (a {@link PlatformException}:
 * the client got its {@code extensions.code}) is routine and logged briefly; anything else is a fault of the
 * service and is logged as an error with its stack trace, since the client only saw a generic "System error".
 * SmallRye's own logging, which logs both as errors, is switched off in the shared configuration.
 */
public final class DataFetchErrorLog {

    private static final Logger LOG = Logger.getLogger(DataFetchErrorLog.class);

    private DataFetchErrorLog() {
    }

    /** A field of execution {@code executionId} failed with {@code t} (called by {@link gov.planning.common.error.GraphQLEvents}). */
    public static void log(String executionId, Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof PlatformException refused) {
            LOG.infof("refused %s: %s", refused.code(), refused.getMessage());
        } else {
            LOG.errorf(cause, "field failed (execution %s)", executionId);
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && !(current instanceof PlatformException)) {
            current = current.getCause();
        }
        return current instanceof PlatformException ? current : t;
    }
}
