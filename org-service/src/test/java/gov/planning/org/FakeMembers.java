package gov.planning.org;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import gov.planning.org.keycloak.MemberDirectory;

/**
 * Keycloak group members in place of Keycloak: nmg.zjt has a reporter and a planner, other groups nobody. Each read
 * takes a while, as Keycloak's do, and the most reads at once are noted.
 */
@Singleton
public class FakeMembers implements MemberDirectory {

    private final AtomicInteger reading = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** The most reads that were in progress at the same time since the last call. */
    public int mostAtOnceSinceLastAsked() {
        return mostAtOnce.getAndSet(0);
    }

    @Override
    public List<Member> membersOf(String orgCode, Collection<String> roles) {
        mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reading.decrementAndGet();
        }
        if (!orgCode.equals("nmg.zjt")) {
            return List.of();
        }
        return List.of(new Member("zjt.reporter", "zjt.reporter@planning.local", Set.of("reporter")),
                new Member("zjt.planner", null, Set.of("planner"))).stream()
                .filter(m -> m.roles().stream().anyMatch(roles::contains)).toList();
    }
}
