package gov.planning.indicator.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.planning.indicator.entity.Indicator;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, UUID> {

    public Uni<List<Indicator>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }

    /** In the order they were set, which is the order of the plan's target list. */
    public Uni<List<Indicator>> findByPlan(UUID planId) {
        return find("planId", Sort.by("createdAt").and("id"), planId).list();
    }
}
