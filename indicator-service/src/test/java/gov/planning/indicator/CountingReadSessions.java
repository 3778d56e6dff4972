package gov.planning.indicator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.hibernate.reactive.mutiny.Mutiny;

import gov.planning.common.persistence.ReadSessions;
import io.smallrye.mutiny.Uni;

/**
 * Counts the reads the service makes. Each read runs one query, so the count of a GraphQL request is its number of
 * SQL queries, which lets a test show that resolving more parents does not cost more queries.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CountingReadSessions extends ReadSessions {

    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        reads.incrementAndGet();
        return super.read(work);
    }

    public void reset() {
        reads.set(0);
    }

    public int count() {
        return reads.get();
    }
}
