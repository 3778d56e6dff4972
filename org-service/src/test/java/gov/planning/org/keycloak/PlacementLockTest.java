package gov.planning.org.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two org-service replicas share the orgs database: while one runs a directory-placement pass, the other's pass is
 * skipped instead of placing (and auditing) the same sign-ins again. Each runExclusively holds its own connection, as
 * each replica does.
 */
@QuarkusTest
class PlacementLockTest {

    @Inject
    PlacementLock lock;

    @Test
    void whileOneReplicaPlacesTheOtherSkipsItsPassAndRunsTheNextOneAfterwards() throws Exception {
        CountDownLatch placing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger passes = new AtomicInteger();
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> lock.runExclusively(() -> {
            passes.incrementAndGet();
            placing.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(placing.await(30, TimeUnit.SECONDS)).isTrue();

        boolean second = lock.runExclusively(passes::incrementAndGet);
        assertThat(second).isFalse();
        assertThat(passes).hasValue(1);

        finish.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lock.runExclusively(passes::incrementAndGet)).isTrue();
        assertThat(passes).hasValue(2);
    }

    @Test
    void aPassThatFailsReleasesTheLock() {
        try {
            lock.runExclusively(() -> {
                throw new IllegalStateException("Keycloak unreachable");
            });
        } catch (IllegalStateException expected) {
            // the placer logs it and retries at the next tick
        }
        assertThat(lock.runExclusively(() -> { })).isTrue();
    }
}
