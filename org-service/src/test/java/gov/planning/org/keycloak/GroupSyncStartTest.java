package gov.planning.org.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

import gov.planning.org.entity.OrgKind;
import gov.planning.org.keycloak.KeycloakStandIn.Answer;
import gov.planning.org.naming.OrgDirectory;
import gov.planning.org.naming.OrgNameResolver;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.naming.OrgTree;
import gov.planning.org.staff.ReformMoves;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A start of org-service walks Keycloak's groups only when they may no longer follow the organization tree: against a
 * stand-in for Keycloak's admin API that logs what it is asked, a start after a recorded walk of the same tree asks only
 * how many groups there are, and knows the groups the walk found; an organization written since, a group deleted by
 * hand or no recorded walk make it walk.
 */
@QuarkusTest
class GroupSyncStartTest {

    /** The first read of a walk: the realm's top-level groups. */
    private static final String WALK = "/groups?briefRepresentation=false&max=10000";
    private static final String MAPPERS = "/identity-provider/instances";

    @Inject
    GroupWalks walks;

    @Inject
    OrgDirectory directory;

    @Inject
    ReformMoves reformMoves;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    private KeycloakStandIn keycloak;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile int groupsInKeycloak;
    /** Whether the walk's first read is answered (with the small tree's one group) or refused, ending the walk there. */
    private volatile boolean walkAnswered;

    @BeforeEach
    void start() throws IOException {
        keycloak = new KeycloakStandIn(2, this::answer);
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    private Answer answer(HttpExchange exchange) {
        String path = KeycloakStandIn.adminPath(exchange);
        String query = exchange.getRequestURI().getRawQuery();
        String asked = path + (query == null ? "" : "?" + query);
        this.asked.add(asked);
        if (path.equals("/groups/count")) {
            return Answer.ok("{\"count\":" + groupsInKeycloak + "}");
        }
        if (asked.equals(WALK)) {
            if (!walkAnswered) {
                return new Answer(503, "{}");
            }
            // One organization, one group: what a walk of the small tree below finds.
            return Answer.ok("[{\"id\":\"g-1\",\"name\":\"walk.top\",\"subGroupCount\":0,"
                    + "\"attributes\":{\"org_code\":[\"walk.top\"],\"org_name\":[\"走查厅\"]}}]");
        }
        return Answer.ok("[]");
    }

    private GroupSync sync(OrgDirectory tree) {
        GroupSync sync = new GroupSync();
        sync.enabled = true;
        sync.keycloak = keycloak.client;
        sync.directory = tree;
        sync.reformMoves = reformMoves;
        sync.clock = clock;
        sync.walks = walks;
        return sync;
    }

    /**
     * Starts a sync and waits for its first run to begin the walk (refused here, which ends the run) or to reach the
     * broker mappers, which come after the groups whether they were walked or not.
     */
    private void startAndAwaitTheRun() throws InterruptedException {
        startAndAwaitTheRun(directory);
    }

    private void startAndAwaitTheRun(OrgDirectory tree) throws InterruptedException {
        sync(tree).onStart(null);
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!asked.contains(MAPPERS) && !asked.contains(WALK) && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        assertThat(asked).as("the start's run began").containsAnyOf(MAPPERS, WALK);
    }

    @Test
    void aStartAfterAWalkOfTheSameTreeAsksKeycloakOnlyHowManyGroupsItHolds() throws Throwable {
        walks.record(walks.treeVersion(), 7, Map.of());
        groupsInKeycloak = 7;

        startAndAwaitTheRun();

        assertThat(asked).contains("/groups/count?top=false", MAPPERS).doesNotContain(WALK)
                .noneMatch(p -> p.contains("/children"));
    }

    @Test
    void aStartWalksWhenAGroupWasDeletedInKeycloakSinceTheLastWalk() throws Throwable {
        walks.record(walks.treeVersion(), 7, Map.of());
        groupsInKeycloak = 6;

        startAndAwaitTheRun();

        assertThat(asked).contains(WALK);
    }

    @Test
    void aStartWalksWhenAnOrganizationWasWrittenSinceTheLastWalk() throws Throwable {
        walks.record(walks.treeVersion(), 7, Map.of());
        groupsInKeycloak = 7;
        // Written by anyone, as the reference data loader or an operator's SQL would: the tree's version moves.
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("INSERT INTO organization (id, code, name, kind) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(UUID.randomUUID(), "walk-" + UUID.randomUUID(), "走查新设机构", "DEPARTMENT")));

        startAndAwaitTheRun();

        assertThat(asked).contains(WALK);
    }

    @Test
    void aStartWalksWhenNoWalkWasEverRecorded() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> pool.query("DELETE FROM keycloak_group_walk").execute());
        groupsInKeycloak = 7;

        startAndAwaitTheRun();

        assertThat(asked).contains(WALK).doesNotContain("/groups/count?top=false");
    }

    /** The small tree a walk answered by the stand-in covers: one organization, walk.top, whose group is g-1. */
    private static OrgDirectory oneOrganization() {
        OrgNode top = new OrgNode(UUID.randomUUID(), "walk.top", "走查厅", null, List.of(), OrgKind.DEPARTMENT, null, null, null,
                null, null, null, 1);
        OrgTree small = new OrgTree(List.of(top));
        return new OrgDirectory() {
            @Override
            public Uni<Snapshot> snapshot() {
                return Uni.createFrom().item(new Snapshot(small, new OrgNameResolver(small)));
            }
        };
    }

    @Test
    void aStartWithoutTheWalkKnowsTheGroupsTheLastWalkFoundSoMembersAreReadWithoutASearch() throws Throwable {
        OrgDirectory oneOrganization = oneOrganization();
        groupsInKeycloak = 1;
        walkAnswered = true;
        sync(oneOrganization).reconcileNow();
        // org-service restarted: a client that has seen no group of Keycloak's yet.
        keycloak.close();
        keycloak = new KeycloakStandIn(2, this::answer);
        asked.clear();

        startAndAwaitTheRun(oneOrganization);
        assertThat(asked).doesNotContain(WALK);
        asked.clear();
        keycloak.client.members("walk.top", Set.of("reporter"));

        assertThat(asked).containsExactly("/groups/g-1/members?briefRepresentation=true&max=10000");
    }

    @Test
    void aWalkRecordsTheTreeItCoveredSoThatTheNextStartNeedNotWalk() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> pool.query("DELETE FROM keycloak_group_walk").execute());
        OrgDirectory oneOrganization = oneOrganization();
        groupsInKeycloak = 1;
        walkAnswered = true;

        GroupReconciliation result = sync(oneOrganization).reconcileNow();

        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(asked).contains(WALK);
        assertThat(walks.stillCurrent(keycloak.client)).hasValueSatisfying(walk -> {
            assertThat(walk.groups()).isEqualTo(1);
            assertThat(walk.treeVersion()).isEqualTo(walks.treeVersion());
        });
    }
}
