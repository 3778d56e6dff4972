package gov.planning.plan.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.planning.common.error.NotFoundException;
import gov.planning.plan.entity.Plan;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** A plan that reads may show: null for an unknown id and for a plan still being imported. */
    public Uni<Plan> findVisible(UUID id) {
        return findById(id).map(HiddenPlans::shown);
    }

    /** {@link #findVisible}, NOT_FOUND when there is none: what a write names must be a plan reads show. */
    public Uni<Plan> requireVisible(UUID id) {
        return findVisible(id).map(plan -> {
            if (plan == null) {
                throw new NotFoundException("plan " + id + " does not exist");
            }
            return plan;
        });
    }

    /** Any plan with this number, hidden ones included: a document number is reserved while it is imported. */
    public Uni<Plan> findByDocNumber(String docNumber) {
        return find("docNumber", docNumber).firstResult();
    }
}
