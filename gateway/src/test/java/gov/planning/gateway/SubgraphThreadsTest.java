package gov.planning.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.gateway.fakes.FakeSubgraphsResource;
import gov.planning.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Subgraph answers are handled on the Vert.x event loops, not on a thread each. (The JDK client's sendAsync handed each
 * answer to CompletableFuture's default executor, which on a machine or pod with 2 CPUs or fewer starts one thread per task.)
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeSubgraphsResource.class)
class SubgraphThreadsTest {

    private static final int CLIENTS = 16;

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    MeterRegistry meters;

    private final ExecutorService clientThreads = Executors.newFixedThreadPool(CLIENTS);
    // The test's own client on two fixed threads, so that only the gateway's threads can grow.
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();

    /** {@code count} requests, {@link #CLIENTS} at a time; each makes two subgraph requests (plans, then issuers). */
    private void round(int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(graphql).header("Authorization", "Bearer " + TestTokens.viewer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ plans { title issuer { name } } }\"}")).build();
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(clientThreads.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).body()));
        }
        for (Future<String> answer : answers) {
            assertThat(answer.get()).contains("\"name\":\"内蒙古自治区人民政府\"").doesNotContain("errors");
        }
    }

    private double subgraphRequests() {
        return meters.find("gateway.subgraph.requests").timers().stream().mapToDouble(t -> t.count()).sum();
    }

    @Test
    void hundredsOfConcurrentRequestsStartNoNewThreadPerSubgraphAnswer() throws Exception {
        round(CLIENTS * 4); // every pool (Quarkus workers, the fakes', the gateway's) reaches its working size
        long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        double requestsBefore = subgraphRequests();

        round(300);

        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;
        assertThat(started).as("threads started for 600 subgraph answers").isLessThan(40);
        assertThat(subgraphRequests() - requestsBefore).isGreaterThanOrEqualTo(600);
        assertThat(meters.find("gateway.subgraph.pending").gauges()).isNotEmpty()
                .allSatisfy(pending -> assertThat(pending.value()).as("requests still waiting for an answer").isZero());
        clientThreads.shutdown();
    }
}
