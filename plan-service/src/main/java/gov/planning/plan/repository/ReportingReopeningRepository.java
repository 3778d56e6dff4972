package gov.planning.plan.repository;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.planning.plan.entity.ReportingReopening;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Reporting periods reopened after they closed (docs/decisions/0012). */
@ApplicationScoped
public class ReportingReopeningRepository implements PanacheRepositoryBase<ReportingReopening, UUID> {

    /** Whether the organization's period of the task is reopened until {@code day} or later. */
    public Uni<Boolean> isOpen(UUID taskId, UUID orgId, String period, LocalDate day) {
        return count("taskId = ?1 and orgId = ?2 and period = ?3 and openUntil >= ?4", taskId, orgId, period, day).map(n -> n > 0);
    }
}
