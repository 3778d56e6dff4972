package gov.planning.plan.service;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Input;

/** An expected outcome with its date (预期成果和时间进度: "2014年底出台…"). */
@Input("MilestoneInput")
public record NewMilestone(LocalDate dueDate, @NotBlank @Size(max = 1000) String description) {
}
