package gov.planning.plan.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import gov.planning.plan.entity.ReportCadence;
import io.smallrye.graphql.api.Nullable;

/**
 * A task to add to a plan. {@code deadline} is the last day (a year deadline is that year's 31 December);
 * {@code ongoing} marks 长期坚持 (then there is no date); {@code deadlineText} keeps the document's wording;
 * {@code reportCadence} overrides the plan's (null: the plan's).
 */
@Input("TaskInput")
public record NewTask(
        @Size(max = 50) String number,
        @NotBlank @Size(max = 1000) String title,
        @Size(max = 10000) String description,
        @NotEmpty @Size(max = 50) @Id List<@NonNull String> leadOrgIds,
        @Size(max = 100) @Nullable @Id List<@NonNull String> cooperatingOrgIds,
        LocalDate deadline,
        Boolean ongoing,
        @Size(max = 200) String deadlineText,
        @Id String sectionId,
        @Size(max = 100) List<@Valid NewMilestone> milestones,
        ReportCadence reportCadence) {
}
