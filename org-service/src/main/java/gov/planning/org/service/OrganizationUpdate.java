package gov.planning.org.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import gov.planning.org.entity.AdminLevel;

/** The editable fields of an organization; a field left null keeps its value (an empty alias list clears them). */
@Input("OrganizationUpdateInput")
@Description("Fields to change; a null field keeps its value, an empty aliases list removes all aliases.")
public record OrganizationUpdate(
        @Size(min = 1, max = 200) String name,
        @Size(max = 100) String shortName,
        @Size(max = 50) List<String> aliases,
        AdminLevel level,
        @Size(max = 100) String region,
        LocalDate validFrom,
        LocalDate validTo) {
}
