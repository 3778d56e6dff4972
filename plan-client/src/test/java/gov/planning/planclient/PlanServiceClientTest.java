package gov.planning.planclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.common.error.UnavailableException;
import gov.planning.common.remote.ServiceGraphQL;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;

/**
 * The HTTP look-up of a plan's issuer against a stand-in for plan-service's GraphQL endpoint: the query it sends, how
 * it reads the answer, what it caches, and that a failure is UNAVAILABLE.
 */
class PlanServiceClientTest {

    static final UUID NMG = UUID.randomUUID();
    static final UUID PLAN = UUID.randomUUID();

    Vertx vertx;
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    ServiceGraphQL graphql;
    PlanServiceClient issuers;

    @BeforeEach
    void services() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().subscribe().with(body -> {
            String query = body.toString();
            requests.add(query);
            String answer;
            if (request.path().equals("/broken")) {
                answer = "{\"errors\":[{\"message\":\"boom\"}],\"data\":null}";
            } else {
                // the known plan's issuer, or null: a plan plan-service does not know
                answer = query.contains(PLAN.toString()) ? "{\"data\":{\"plan\":{\"issuer\":{\"id\":\"" + NMG + "\"}}}}"
                        : "{\"data\":{\"plan\":null}}";
            }
            request.response().putHeader("Content-Type", "application/json").endAndForget(answer);
        })).listen(0).await().atMost(Duration.ofSeconds(10));
        graphql = new ServiceGraphQL(vertx);
        issuers = client(url("/graphql"));
    }

    private PlanServiceClient client(String url) {
        return new PlanServiceClient(graphql, new PlanServiceConfig() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Cache cache() {
                return new Cache() {
                    @Override
                    public Duration expireAfterWrite() {
                        return Duration.ofMinutes(1);
                    }

                    @Override
                    public long maximumSize() {
                        return 10_000;
                    }
                };
            }
        });
    }

    private String url(String path) {
        return "http://localhost:" + server.actualPort() + path;
    }

    @AfterEach
    void stop() {
        server.closeAndAwait();
        vertx.closeAndAwait();
    }

    @Test
    void aPlansIssuerIsCachedButAnUnknownPlanIsAskedAgain() {
        assertThat(issuers.issuerOf(PLAN).await().atMost(Duration.ofSeconds(10))).isEqualTo(NMG);
        assertThat(issuers.issuerOf(PLAN).await().atMost(Duration.ofSeconds(10))).isEqualTo(NMG);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).contains("plan(id: $p) { issuer { id } }");

        UUID hidden = UUID.randomUUID();
        assertThat(issuers.issuerOf(hidden).await().atMost(Duration.ofSeconds(10))).isNull();
        assertThat(issuers.issuerOf(hidden).await().atMost(Duration.ofSeconds(10))).isNull();
        assertThat(requests).as("a plan not known yet may be created in a moment: not cached").hasSize(3);
    }

    @Test
    void anErrorAnswerOrNoAnswerIsUnavailable() {
        issuers = client(url("/broken"));
        assertThatThrownBy(() -> issuers.issuerOf(PLAN).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("boom");
        issuers = client("http://localhost:1/graphql");
        assertThatThrownBy(() -> issuers.issuerOf(PLAN).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("could not be reached");
    }
}
