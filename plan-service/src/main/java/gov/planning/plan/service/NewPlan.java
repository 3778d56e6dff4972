package gov.planning.plan.service;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import gov.planning.plan.entity.PlanKind;
import gov.planning.plan.entity.ReportCadence;

/** A plan to create; the reporting cycle defaults to QUARTERLY, due on the 25th, 10 grace days. */
@Input("PlanInput")
public record NewPlan(
        @NotBlank @Size(max = 500) String title,
        @NotNull PlanKind kind,
        @Size(max = 100) String docNumber,
        @NotNull @Id String issuerId,
        LocalDate issuedOn,
        @Min(1949) @Max(2100) Integer periodStart,
        @Min(1949) @Max(2100) Integer periodEnd,
        ReportCadence reportCadence,
        @Min(1) @Max(28) Integer reportDueDay,
        @Min(0) @Max(90) Integer reportGraceDays) {
}
