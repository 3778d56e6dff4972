package gov.planning.indicator;

import static gov.planning.indicator.FakeOrgTree.ids;
import static gov.planning.indicator.FakePlanIssuers.planIssuedBy;
import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.record;
import static gov.planning.indicator.Fixtures.row;
import static gov.planning.indicator.Fixtures.setTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Permission checks that ask org-service run before the write's transaction (issue #19, item 2): while one user's
 * write waits on a slow org-service it holds no connection and no lock, so others' writes to the same indicator go
 * through. (The limits below only keep a regression from hanging the build; nothing here measures speed.)
 */
@QuarkusTest
class ChecksBeforeTransactionsTest {

    private static final Duration STUCK = Duration.ofSeconds(60);

    @Test
    void aWriteWaitingOnOrgServiceDoesNotHoldUpAnotherWriteToTheSameIndicator() throws Exception {
        String indicatorId = create(planIssuedBy("nmg.hhht"), indicator("营造林面积", "万亩", "AT_LEAST", 0.0, 2020, 1000, 2025));
        CompletableFuture<Void> orgService = FakeOrgTree.slowFor("nmg.hhht");
        try {
            CompletableFuture<JsonPath> planner = CompletableFuture.supplyAsync(() -> setTargets(TestTokens.planner("nmg.hhht"),
                    indicatorId, "2025", List.of(row(ids("nmg.hhht.zjj"), 10)), 10.0, "万亩"));
            assertThat(FakeOrgTree.waiting("nmg.hhht").await(STUCK.toSeconds(), TimeUnit.SECONDS))
                    .as("the planner's write is waiting on org-service").isTrue();

            // The admin needs no look-up of their organizations: their value is recorded while the planner's check waits.
            CompletableFuture<JsonPath> admin = CompletableFuture.supplyAsync(() -> record(TestTokens.admin(), indicatorId, null,
                    "2025", 5.0, null));
            assertThat(admin).succeedsWithin(STUCK).satisfies(answer -> assertThat(answer.getString("errors")).isNull());
            assertThat(planner).isNotDone();

            orgService.complete(null);
            assertThat(planner).succeedsWithin(STUCK).satisfies(answer -> assertThat(answer.getString("errors")).isNull());
        } finally {
            orgService.complete(null);
        }
    }
}
