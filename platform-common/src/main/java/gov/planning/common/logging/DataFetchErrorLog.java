package gov.planning.common.logging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import gov.planning.common.error.PlatformException;
import io.smallrye.graphql.cdi.event.ErrorDataFetch;
import io.smallrye.graphql.cdi.event.ErrorInfo;

/**
 * Logs failed GraphQL fields by what they mean for ops: a refused or invalid request (a {@link PlatformException}:
 * the client got its {@code extensions.code}) is routine and logged briefly; anything else is a fault of the
 * service and is logged as an error with its stack trace, since the client only saw a generic "System error".
 * SmallRye's own logging, which logs both as errors, is switched off in the shared configuration.
 */
@ApplicationScoped
public class DataFetchErrorLog {

    private static final Logger LOG = Logger.getLogger(DataFetchErrorLog.class);

    void onError(@Observes @ErrorDataFetch ErrorInfo error) {
        Throwable cause = unwrap(error.getT());
        if (cause instanceof PlatformException refused) {
            LOG.infof("refused %s: %s", refused.code(), refused.getMessage());
        } else {
            LOG.errorf(cause, "field failed (execution %s)", error.getExecutionId());
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
