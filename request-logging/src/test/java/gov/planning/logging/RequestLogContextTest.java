package gov.planning.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

class RequestLogContextTest {

    @Test
    void theCallersRequestIdIsKeptSoTheGatewaysAndTheSubgraphsLinesMatch() {
        assertThat(RequestLogContext.requestId("abc-123", SpanContext.getInvalid())).isEqualTo("abc-123");
    }

    @Test
    void withoutARequestIdTheTraceIdIsUsed() {
        SpanContext trace = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        assertThat(RequestLogContext.requestId(null, trace)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void anUnsafeHeaderIsNotCopiedIntoLogsAndAFreshIdIsMadeInstead() {
        String id = RequestLogContext.requestId("bad id\nwith newline", SpanContext.getInvalid());
        assertThat(id).doesNotContain("\n").hasSize(36);
    }
}
