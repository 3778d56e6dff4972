package gov.planning.logging;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.mutiny.Uni;

/**
 * Puts the request id and the authenticated user into the logging context (MDC), so every log line of a request
 * says which request and which user it belongs to; the service name comes from the log format, the trace and span
 * ids from quarkus-opentelemetry. The request id is the caller's {@code X-Request-Id}, else the request's trace id
 * (OpenTelemetry continues the caller's W3C {@code traceparent}), so the gateway's log lines and the subgraphs'
 * line up.
 */
@ApplicationScoped
public class RequestLogContext implements SecurityIdentityAugmentor {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void registerFilter(@Observes Filters filters) {
        // A high priority runs before authentication, so even a refused request is logged with its id.
        filters.register(rc -> {
            String requestId = requestId(rc.request().getHeader(REQUEST_ID_HEADER), Span.current().getSpanContext());
            MDC.put("requestId", requestId);
            rc.response().putHeader(REQUEST_ID_HEADER, requestId);
            rc.next();
        }, 1000);
    }

    /** The id of the request being handled on this thread's context, for passing on to the services it calls. */
    public static String currentRequestId() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }

    static String requestId(String header, SpanContext trace) {
        if (header != null && SAFE_ID.matcher(header).matches()) {
            return header;
        }
        if (trace.isValid()) {
            return trace.getTraceId();
        }
        return UUID.randomUUID().toString();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            MDC.put("user", identity.getPrincipal().getName());
        }
        return Uni.createFrom().item(identity);
    }
}
