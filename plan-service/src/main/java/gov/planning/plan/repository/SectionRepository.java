package gov.planning.plan.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.planning.plan.entity.Section;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** A plan's outline nodes (docs/decisions/0012). */
@ApplicationScoped
public class SectionRepository implements PanacheRepositoryBase<Section, UUID> {

    public Uni<Long> countInPlan(UUID planId) {
        return count("planId", planId);
    }

    public Uni<Long> deleteInPlan(UUID planId) {
        return delete("planId", planId);
    }
}
