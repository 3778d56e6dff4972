package gov.planning.plan.repository;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import io.smallrye.mutiny.Uni;

/**
 * A session of its own for each read of tasks, plans, reports and audit entries: GraphQL resolves the batched fields
 * of one request concurrently, and one Hibernate Reactive session (which {@code @WithSession} would share across them)
 * runs one query at a time. Read-only, as in indicator-service: nothing read here is written back, so Hibernate keeps
 * no snapshots to compare. Writes keep using {@code @WithTransaction}.
 */
@ApplicationScoped
public class ReadSessions {

    @Inject
    Mutiny.SessionFactory sessions;

    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.openSession().chain(session -> {
            session.setDefaultReadOnly(true);
            return work.apply(session).eventually(session::close);
        });
    }

    /** The rows of a native query: a column's value, or an {@code Object[]} per row of several. */
    public static Uni<List<Object>> nativeRows(Mutiny.Session s, String sql, Map<String, Object> params) {
        var query = s.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
