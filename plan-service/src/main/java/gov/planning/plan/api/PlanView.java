package gov.planning.plan.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.PlanKind;
import gov.planning.plan.entity.PlanStatus;
import gov.planning.plan.entity.ReportCadence;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/** The {@code Plan} entity of the federated graph ({@code @Name} lets SmallRye type {@code _entities} results). */
@Type("Plan")
@Name("Plan")
@Key(fields = @FieldSet("id"))
public record PlanView(
        @Id @NonNull UUID id,
        @NonNull String title,
        String docNumber,
        @NonNull PlanKind kind,
        LocalDate issuedOn,
        Integer periodStart,
        Integer periodEnd,
        @NonNull PlanStatus status,
        @NonNull Integer version,
        String createdBy,
        @NonNull ReportCadence reportCadence,
        @NonNull Integer reportDueDay,
        @NonNull Integer reportGraceDays,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @Ignore UUID issuerId) {

    static PlanView of(Plan plan) {
        return plan == null ? null
                : new PlanView(plan.id, plan.title, plan.docNumber, plan.kind, plan.issuedOn, plan.periodStart,
                        plan.periodEnd, plan.status, plan.version, plan.createdBy,
                        plan.reportCadence, plan.reportDueDay, plan.reportGraceDays, plan.createdAt.atOffset(ZoneOffset.UTC),
                        plan.updatedAt.atOffset(ZoneOffset.UTC), plan.issuerId);
    }
}
