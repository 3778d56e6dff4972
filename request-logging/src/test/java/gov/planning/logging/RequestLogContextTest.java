package gov.planning.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLogContextTest {

    @Test
    void theCallersRequestIdIsKeptSoTheGatewaysAndTheSubgraphsLinesMatch() {
        assertThat(RequestLogContext.requestId("abc-123", null)).isEqualTo("abc-123");
    }

    @Test
    void withoutARequestIdTheTraceIdOfTheTraceparentIsUsed() {
        assertThat(RequestLogContext.requestId(null, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void anUnsafeHeaderIsNotCopiedIntoLogsAndAFreshIdIsMadeInstead() {
        String id = RequestLogContext.requestId("bad id\nwith newline", "garbage");
        assertThat(id).doesNotContain("\n").hasSize(36);
    }
}
