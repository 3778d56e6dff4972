package gov.planning.indicator.remote;

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
 * The HTTP look-ups against a stand-in for org-service's and plan-service's GraphQL endpoints: the queries they send,
 * how they read the answers, what they cache, and that a failure is UNAVAILABLE.
 */
class GraphQLLookupsTest {

    static final UUID NMG = UUID.randomUUID();
    static final UUID ZJT = UUID.randomUUID();
    static final UUID HHHT = UUID.randomUUID();
    static final UUID PLAN = UUID.randomUUID();

    Vertx vertx;
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    GraphQLOrgTree tree;
    GraphQLPlanIssuers issuers;

    @BeforeEach
    void services() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().subscribe().with(body -> {
            String query = body.toString();
            requests.add(query);
            String answer;
            if (request.path().equals("/broken")) {
                answer = "{\"errors\":[{\"message\":\"boom\"}],\"data\":null}";
            } else if (query.contains("planIssuer")) {
                // the known plan's issuer, or null: a plan plan-service does not know
                answer = query.contains(PLAN.toString()) ? "{\"data\":{\"planIssuer\":\"" + NMG + "\"}}"
                        : "{\"data\":{\"planIssuer\":null}}";
            } else {
                // o0 = nmg (by code or id) with its subtree, o1 = unknown
                answer = "{\"data\":{\"o0\":{\"id\":\"" + NMG + "\",\"descendants\":[{\"id\":\"" + ZJT + "\"},{\"id\":\"" + HHHT
                        + "\"}]},\"o1\":null}}";
            }
            request.response().putHeader("Content-Type", "application/json").endAndForget(answer);
        })).listen(0).await().atMost(Duration.ofSeconds(10));
        ServiceGraphQL graphql = new ServiceGraphQL(vertx);
        tree = new GraphQLOrgTree();
        tree.graphql = graphql;
        tree.timeout = Duration.ofSeconds(5);
        tree.url = url("/graphql");
        tree.ttl = Duration.ofMinutes(1);
        tree.init();
        issuers = new GraphQLPlanIssuers();
        issuers.graphql = graphql;
        issuers.timeout = Duration.ofSeconds(5);
        issuers.url = url("/graphql");
        issuers.ttl = Duration.ofMinutes(1);
        issuers.init();
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
    void reachIsTheCodesOwnOrganizationsAndEverythingBelowThemInOneCachedRequest() {
        var reach = tree.reachOf(List.of("nmg", "nosuch")).await().atMost(Duration.ofSeconds(10));
        assertThat(reach.own()).containsExactly(NMG);
        assertThat(reach.ownAndBelow()).containsExactlyInAnyOrder(NMG, ZJT, HHHT);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).contains("o0: organization(code: $k0) { id descendants { id } }").contains("\"k1\":\"nosuch\"");

        tree.reachOf(List.of("nosuch", "nmg")).await().atMost(Duration.ofSeconds(10));
        assertThat(requests).as("answered from the cache, the unknown code too").hasSize(1);
    }

    @Test
    void subtreeOfAnIdIncludesItself() {
        assertThat(tree.subtreeOf(NMG).await().atMost(Duration.ofSeconds(10))).containsExactlyInAnyOrder(NMG, ZJT, HHHT);
        assertThat(requests.get(0)).contains("organization(id: $k0) { id descendants { id } }");
    }

    @Test
    void organizationsOrgServiceDoesNotKnowAreFoundInOneRequest() {
        UUID unknown = UUID.randomUUID();
        assertThat(tree.unknownOf(List.of(NMG, unknown)).await().atMost(Duration.ofSeconds(10))).containsExactly(unknown);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).contains("o0: organization(id: $k0)").contains("o1: organization(id: $k1)");
    }

    @Test
    void aPlansIssuerIsCachedButAnUnknownPlanIsAskedAgain() {
        assertThat(issuers.issuerOf(PLAN).await().atMost(Duration.ofSeconds(10))).isEqualTo(NMG);
        assertThat(issuers.issuerOf(PLAN).await().atMost(Duration.ofSeconds(10))).isEqualTo(NMG);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).contains("planIssuer(planId: $p)");

        UUID hidden = UUID.randomUUID();
        assertThat(issuers.issuerOf(hidden).await().atMost(Duration.ofSeconds(10))).isNull();
        assertThat(issuers.issuerOf(hidden).await().atMost(Duration.ofSeconds(10))).isNull();
        assertThat(requests).as("a plan not known yet may be created in a moment: not cached").hasSize(3);
    }

    @Test
    void anErrorAnswerOrNoAnswerIsUnavailable() {
        tree.url = url("/broken");
        assertThatThrownBy(() -> tree.reachOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("boom");
        issuers.url = "http://localhost:1/graphql";
        assertThatThrownBy(() -> issuers.issuerOf(PLAN).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("could not be reached");
    }
}
