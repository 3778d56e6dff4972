package gov.planning.plan.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.PlanStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    public Uni<List<Plan>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1 and importing = false", ids);
    }

    /** Newest first; {@code status} null means every status. */
    public Uni<List<Plan>> page(PlanStatus status, int offset, int limit) {
        Sort newestFirst = Sort.descending("issuedOn", "createdAt").and("id");
        var query = status == null ? find("importing = false", newestFirst)
                : find("status = ?1 and importing = false", newestFirst, status);
        return query.range(offset, offset + limit - 1).list();
    }

    /** A plan that reads may show: null for an unknown id and for a plan still being imported. */
    public Uni<Plan> findVisible(UUID id) {
        return findById(id).map(plan -> plan == null || plan.importing ? null : plan);
    }

    /** Any plan with this number, hidden ones included: a document number is reserved while it is imported. */
    public Uni<Plan> findByDocNumber(String docNumber) {
        return find("docNumber", docNumber).firstResult();
    }

}
