package gov.planning.indicator.repository;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * A session of its own for each read. GraphQL resolves sibling fields concurrently (latest, progress and health of
 * the same indicators are loaded at the same time), and a Hibernate Reactive session must never run two queries at
 * once; the request-wide session {@code @WithSession} would share is exactly what fails then. Writes keep using
 * {@code @WithTransaction}: mutations run one after the other.
 */
@ApplicationScoped
public class ReadSessions {

    @Inject
    Mutiny.SessionFactory factory;

    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return factory.openSession().chain(session -> {
            session.setDefaultReadOnly(true);
            return work.apply(session).eventually(session::close);
        });
    }
}
