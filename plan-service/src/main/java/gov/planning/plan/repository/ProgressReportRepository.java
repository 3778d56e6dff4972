package gov.planning.plan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.planning.plan.entity.ProgressReport;
import gov.planning.plan.entity.ReportStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Progress reports one at a time (docs/decisions/0012); the approval queue and other lists are SQL. */
@ApplicationScoped
public class ProgressReportRepository implements PanacheRepositoryBase<ProgressReport, UUID> {

    /** The organization's reports of the period in this status. */
    public Uni<List<ProgressReport>> ofPeriod(UUID taskId, UUID orgId, String period, ReportStatus status) {
        return list("taskId = ?1 and orgId = ?2 and period = ?3 and status = ?4", taskId, orgId, period, status);
    }

    /** The organization's reports of the period in any other status. */
    public Uni<List<ProgressReport>> ofPeriodExcept(UUID taskId, UUID orgId, String period, ReportStatus status) {
        return list("taskId = ?1 and orgId = ?2 and period = ?3 and status <> ?4", taskId, orgId, period, status);
    }
}
