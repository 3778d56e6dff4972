package gov.planning.common.persistence;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * A session of its own for each read. GraphQL resolves sibling fields concurrently (a list's leadOrgs and
 * cooperatingOrgs, an indicator's latest, progress and health), and a Hibernate Reactive session must never run two
 * queries at once; the request-wide session {@code @WithSession} would share is exactly what fails then. Read-only:
 * nothing read here is written back, so Hibernate keeps no snapshots to compare. Writes keep using
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
