package gov.planning.plan.outline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** An outline node; without a parent it is a top-level one (level 1). */
@Input("SectionInput")
public record NewSection(@Id String parentId, @Size(max = 50) String number, @NotBlank @Size(max = 500) String heading) {
}
