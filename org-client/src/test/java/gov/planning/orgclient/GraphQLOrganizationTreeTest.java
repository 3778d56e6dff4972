package gov.planning.orgclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.common.error.UnavailableException;
import gov.planning.common.remote.ServiceGraphQL;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;

/**
 * The organization tree against a stand-in for org-service's GraphQL endpoint: the query it sends (aliases, variables,
 * descendantIds), how it reads the answer, that answers are cached, and that a failure is UNAVAILABLE.
 */
class GraphQLOrganizationTreeTest {

    static final UUID NMG = UUID.randomUUID();
    static final UUID ZJT = UUID.randomUUID();
    static final UUID HHHT = UUID.randomUUID();
    static final UUID ZRZYT = UUID.randomUUID();
    static final UUID GTZYT = UUID.randomUUID();
    static final UUID GTT = UUID.randomUUID();
    static final UUID MENGSHI = UUID.randomUUID();
    static final UUID OTHER_COLLECTIVE = UUID.randomUUID();

    Vertx vertx;
    HttpServer server;
    GraphQLOrganizationTree directory;
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Look-ups org-service answered, besides the tree's version ({@link #treeVersionReads}). */
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger treeVersionReads = new AtomicInteger();
    /** Organizations org-service lists below nmg besides zjt and hhht (a reorganization between two look-ups). */
    final List<UUID> alsoBelowNmg = new CopyOnWriteArrayList<>();
    /** While set, the tree's version is answered only once it completes. */
    volatile CompletableFuture<Void> versionAnswers;

    @BeforeEach
    void orgService() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().subscribe().with(body -> {
            String query = body.toString();
            if (query.contains("organizationTreeVersion")) {
                // Counted apart from the look-ups: every reorganization below (an id added under nmg) is a new version.
                treeVersionReads.incrementAndGet();
                Runnable answer = () -> request.response().putHeader("Content-Type", "application/json")
                        .endAndForget("{\"data\":{\"organizationTreeVersion\":\"" + (17 + alsoBelowNmg.size()) + "@2026-12-07\"}}");
                CompletableFuture<Void> gate = versionAnswers;
                if (gate != null) {
                    gate.thenRun(answer);
                } else {
                    answer.run();
                }
                return;
            }
            calls.incrementAndGet();
            requests.add(query);
            String answer;
            if (request.path().equals("/broken")) {
                request.response().putHeader("Content-Type", "application/json").endAndForget("{\"errors\":[{\"message\":\"boom\"}],\"data\":null}");
                return;
            }
            String collectives = "\"cs\":{\"edges\":[{\"node\":{\"id\":\"" + MENGSHI + "\",\"members\":[{\"id\":\"" + HHHT + "\"},{\"id\":\""
                    + ZRZYT + "\"}]}},{\"node\":{\"id\":\"" + OTHER_COLLECTIVE + "\",\"members\":[{\"id\":\"" + ZJT + "\"}]}}]}";
            // zrzyt took over from gtzyt, which took over from gtt: two reforms back
            String lineage = "\"predecessors\":[{\"id\":\"" + GTZYT + "\",\"predecessors\":[{\"id\":\"" + GTT
                    + "\",\"predecessors\":[]}]}]";
            if (query.contains("currentSuccessors")) {
                // gtt (gtt → gtzyt → zrzyt) was replaced; zrzyt is current and the third id unknown: neither is listed
                answer = "{\"data\":{\"l0\":[{\"id\":\"" + GTT + "\",\"successorId\":\"" + ZRZYT + "\"}]}}";
            } else if (query.contains("\"c0\":\"nmg.zrzyt\"")) {
                answer = "{\"data\":{\"o0\":{\"id\":\"" + ZRZYT + "\",\"descendantIds\":[]," + lineage + "}," + collectives + "}}";
            } else if (query.contains("predecessors(ids:")) {
                // lineages by id, every reform back: zrzyt's when it is asked, nobody else has predecessors
                String zrzyt = "{\"id\":\"" + ZRZYT + "\",\"predecessorId\":\"";
                answer = "{\"data\":{\"l0\":[" + (query.contains(ZRZYT.toString()) ? zrzyt + GTZYT + "\"}," + zrzyt + GTT + "\"}" : "")
                        + "]" + (query.contains("cs:") ? "," + collectives : "") + "}}";
            } else if (query.contains("organization(id: $i0) { id descendantIds")) {
                answer = "{\"data\":{\"o0\":{\"id\":\"" + NMG + "\",\"descendantIds\":[\"" + ZJT + "\",\"" + HHHT + "\"]}}}";
            } else if (query.contains("ancestors")) {
                // zjt is a department of the nmg government
                answer = "{\"data\":{\"organization\":{\"id\":\"" + ZJT + "\",\"kind\":\"DEPARTMENT\",\"ancestors\":[{\"id\":\""
                        + NMG + "\",\"kind\":\"GOVERNMENT\"}]}}}";
            } else if (query.contains("descendantIds")) {
                // o0 = nmg (with its subtree), o1 = an unknown code
                StringBuilder below = new StringBuilder("\"" + ZJT + "\",\"" + HHHT + "\"");
                alsoBelowNmg.forEach(id -> below.append(",\"").append(id).append('"'));
                answer = "{\"data\":{\"o0\":{\"id\":\"" + NMG + "\",\"descendantIds\":[" + below + "]},\"o1\":null}}";
            } else {
                answer = "{\"data\":{\"l0\":{\"edges\":[{\"node\":{\"id\":\"" + ZJT
                        + "\",\"name\":\"内蒙古自治区住房和城乡建设厅\",\"shortName\":\"住建厅\"}}]}}}";
            }
            request.response().putHeader("Content-Type", "application/json").endAndForget(answer);
        })).listen(0).await().atMost(Duration.ofSeconds(10));
        directory = tree("/graphql");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The requests that read a subtree (the collectives, small and cached apart, are read when they expired). */
    private long scopeReads() {
        return requests.stream().filter(q -> q.contains("descendantIds")).count();
    }

    private GraphQLOrganizationTree tree(String path) {
        String url = "http://localhost:" + server.actualPort() + path;
        return new GraphQLOrganizationTree(new OrgServiceClient(new ServiceGraphQL(vertx), new TestOrgServiceConfig(url)));
    }

    @AfterEach
    void stop() {
        server.closeAndAwait();
        vertx.closeAndAwait();
    }

    @Test
    void scopeIsTheCodesOwnOrganizationsAndEverythingBelowThem() {
        var scope = directory.scopeOf(List.of("nmg", "nosuch")).await().atMost(Duration.ofSeconds(10));
        assertThat(scope.own()).containsExactly(NMG);
        assertThat(scope.ownAndBelow()).containsExactlyInAnyOrder(NMG, ZJT, HHHT);
        assertThat(requests.get(0)).contains("organization(code: $c0) { id descendantIds predecessors { id predecessors { id").contains("\"c1\":\"nosuch\"");

        directory.scopeOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10));
        assertThat(calls.get()).as("the second lookup is answered from the cache").isEqualTo(1);
    }

    @Test
    void aScopeHalfItsLifetimeOldIsServedWhileTheVersionIsAskedAndAnOlderOneOnlyOnceItIsKnown() {
        AtomicLong nanos = new AtomicLong();
        directory = new GraphQLOrganizationTree(new OrgServiceClient(new ServiceGraphQL(vertx),
                new TestOrgServiceConfig("http://localhost:" + server.actualPort() + "/graphql")), nanos::get);
        assertThat(directory.scopeOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10)).ownAndBelow()).containsExactlyInAnyOrder(NMG, ZJT, HHHT);

        UUID reorganized = UUID.randomUUID();
        alsoBelowNmg.add(reorganized);
        versionAnswers = new CompletableFuture<>();
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(directory.scopeOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10)).ownAndBelow())
                    .as("the cached scope, while org-service has not said the version").containsExactlyInAnyOrder(NMG, ZJT, HHHT);
        }
        for (int i = 0; i < 100 && treeVersionReads.get() < 2; i++) {
            sleep(20);
        }
        assertThat(treeVersionReads.get()).as("one version request for all the reads after half the lifetime").isEqualTo(2);
        versionAnswers.complete(null);
        Set<UUID> refreshed = Set.of();
        for (int i = 0; i < 100 && !refreshed.contains(reorganized); i++) {
            refreshed = directory.scopeOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10)).ownAndBelow();
            if (!refreshed.contains(reorganized)) {
                sleep(50);
            }
        }
        assertThat(refreshed).as("another version: the scope is read again").contains(reorganized);
        assertThat(scopeReads()).isEqualTo(2);

        versionAnswers = null;
        UUID later = UUID.randomUUID();
        alsoBelowNmg.add(later);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(directory.scopeOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10)).ownAndBelow())
                .as("older than expire-after-write: not served before org-service said the version").contains(reorganized, later);
        assertThat(scopeReads()).isEqualTo(3);
    }

    @Test
    void aScopeExpiredWhileNoOrganizationWasWrittenIsRenewedByTheTreesVersionAlone() {
        AtomicLong nanos = new AtomicLong();
        directory = new GraphQLOrganizationTree(new OrgServiceClient(new ServiceGraphQL(vertx),
                new TestOrgServiceConfig("http://localhost:" + server.actualPort() + "/graphql")), nanos::get);
        directory.scopeOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10));
        assertThat(scopeReads()).isEqualTo(1);
        assertThat(treeVersionReads.get()).as("the version is read before the scope").isEqualTo(1);

        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(directory.scopeOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10)).ownAndBelow())
                .containsExactlyInAnyOrder(NMG, ZJT, HHHT);
        assertThat(scopeReads()).as("the same version: the scope is not read again").isEqualTo(1);
        assertThat(treeVersionReads.get()).isEqualTo(2);

        UUID reorganized = UUID.randomUUID();
        alsoBelowNmg.add(reorganized);
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(directory.scopeOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10)).ownAndBelow())
                .as("another version: the scope is read again before it is served").contains(reorganized);
        assertThat(scopeReads()).isEqualTo(2);

        nanos.addAndGet(Duration.ofHours(2).toNanos());
        directory.scopeOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10));
        assertThat(scopeReads()).as("past revalidate-within the scope is read again, version or not").isEqualTo(3);
    }

    @Test
    void existingIsTheSubsetOrgServiceKnows() {
        UUID unknown = UUID.randomUUID();
        Set<UUID> found = directory.existing(List.of(ZJT, unknown)).await().atMost(Duration.ofSeconds(10));
        assertThat(found).containsExactly(ZJT);
        assertThat(requests.get(0)).contains("l0: organizations(ids: $l0, includeReplaced: true, first: 500) { edges { node { id name shortName } } }");
        assertThat(directory.names(List.of(ZJT)).await().atMost(Duration.ofSeconds(10))).containsEntry(ZJT, "住建厅");
        assertThat(directory.exists(unknown).await().atMost(Duration.ofSeconds(10))).isFalse();
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void scopeActsForPredecessorsTransitivelyAndForTheCollectivesItIsAMemberOf() {
        var scope = directory.scopeOf(List.of("nmg.zrzyt")).await().atMost(Duration.ofSeconds(10));
        assertThat(scope.own()).containsExactly(ZRZYT);
        assertThat(scope.actingFor()).containsExactlyInAnyOrder(ZRZYT, GTZYT, GTT, MENGSHI);
        assertThat(requests.get(0)).contains("predecessors { id predecessors { id")
                .contains("cs: organizations(kind: COLLECTIVE, first: 500) { edges { node { id members { id } } } }");

        UUID unknown = UUID.randomUUID();
        var predecessors = directory.predecessorsOf(List.of(ZRZYT, unknown)).await().atMost(Duration.ofSeconds(10));
        assertThat(predecessors).containsOnlyKeys(ZRZYT);
        assertThat(predecessors.get(ZRZYT)).containsExactlyInAnyOrder(GTZYT, GTT);
        assertThat(calls.get()).as("zrzyt's lineage came with its scope; only the unknown id was asked").isEqualTo(2);
        assertThat(requests.get(1)).contains("l0: predecessors(ids: $l0) { id predecessorId }").doesNotContain("cs:");

        var acting = directory.actingFor(List.of(ZRZYT, unknown)).await().atMost(Duration.ofSeconds(10));
        assertThat(acting).containsOnlyKeys(ZRZYT);
        assertThat(acting.get(ZRZYT)).containsExactlyInAnyOrder(GTZYT, GTT, MENGSHI);
        assertThat(calls.get()).as("collectives and lineages are cached").isEqualTo(2);
    }

    @Test
    void theCurrentSuccessorFollowsEveryReformAndIsCached() {
        UUID unknown = UUID.randomUUID();
        var heirs = directory.currentSuccessorOf(List.of(GTT, ZRZYT, unknown)).await().atMost(Duration.ofSeconds(10));

        assertThat(heirs).containsOnlyKeys(GTT);
        assertThat(heirs.get(GTT)).isEqualTo(ZRZYT);
        assertThat(requests.get(0)).contains("l0: currentSuccessors(ids: $l0) { id successorId }");

        assertThat(directory.currentSuccessorOf(List.of(GTT, ZRZYT, unknown)).await().atMost(Duration.ofSeconds(10)))
                .as("the ids org-service did not list are cached as not replaced").containsOnlyKeys(GTT);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void thousandsOfIdsAreAskedInOneRequestOfListsOfFiveHundred() {
        List<UUID> many = new java.util.ArrayList<>(List.of(ZJT));
        for (int i = 0; i < 1200; i++) {
            many.add(UUID.randomUUID());
        }

        var found = directory.names(many).await().atMost(Duration.ofSeconds(10));

        assertThat(found).containsOnlyKeys(ZJT);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(requests.get(0)).contains("l2: organizations(ids: $l2").doesNotContain("l3:").hasSizeLessThan(60_000);
    }

    @Test
    void theSuccessorsOfADashboardsTwentyThousandLeadsAreOneListInOneRequest() {
        List<UUID> leads = new java.util.ArrayList<>(List.of(GTT));
        for (int i = 0; i < 20_000; i++) {
            leads.add(UUID.randomUUID());
        }

        var heirs = directory.currentSuccessorOf(leads).await().atMost(Duration.ofSeconds(10));

        assertThat(heirs).containsOnly(java.util.Map.entry(GTT, ZRZYT));
        assertThat(calls.get()).isEqualTo(1);
        assertThat(requests.get(0)).contains("l0: currentSuccessors(ids: $l0)").doesNotContain("l1:");
    }

    @Test
    void thePredecessorsOfASubtreesTwentyThousandIdsAreOneListInOneRequest() {
        List<UUID> subtree = new java.util.ArrayList<>(List.of(ZRZYT));
        for (int i = 0; i < 20_000; i++) {
            subtree.add(UUID.randomUUID());
        }

        var predecessors = directory.predecessorsOf(subtree).await().atMost(Duration.ofSeconds(10));

        assertThat(predecessors).containsOnlyKeys(ZRZYT);
        assertThat(predecessors.get(ZRZYT)).containsExactlyInAnyOrder(GTZYT, GTT);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(requests.get(0)).contains("l0: predecessors(ids: $l0) { id predecessorId }").doesNotContain("l1:")
                .doesNotContain("organizations(ids:");
    }

    @Test
    void subtreeOfAnIdIncludesItselfAndIsCached() {
        assertThat(directory.subtreeOf(NMG).await().atMost(Duration.ofSeconds(10))).containsExactlyInAnyOrder(NMG, ZJT, HHHT);
        assertThat(requests.get(0)).contains("o0: organization(id: $i0) { id descendantIds }");
        directory.subtreeOf(NMG).await().atMost(Duration.ofSeconds(10));
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void aDepartmentsTerritoryIsItsGovernmentsSubtree() {
        assertThat(directory.territoryOf(ZJT).await().atMost(Duration.ofSeconds(10))).containsExactlyInAnyOrder(NMG, ZJT, HHHT);
        assertThat(requests.get(0)).contains("organization(id: $i) { id kind ancestors { id kind } }");
    }

    @Test
    void organizationsOrgServiceDoesNotKnowAreFoundInOneRequest() {
        UUID unknown = UUID.randomUUID();
        assertThat(directory.unknownOf(List.of(ZJT, unknown)).await().atMost(Duration.ofSeconds(10))).containsExactly(unknown);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void anErrorAnswerOrNoAnswerIsUnavailable() {
        assertThatThrownBy(() -> tree("/broken").scopeOf(List.of("nmg")).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("boom");
        GraphQLOrganizationTree unreachable = new GraphQLOrganizationTree(
                new OrgServiceClient(new ServiceGraphQL(vertx), new TestOrgServiceConfig("http://localhost:1/graphql")));
        assertThatThrownBy(() -> unreachable.subtreeOf(NMG).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("could not be reached");
    }
}
