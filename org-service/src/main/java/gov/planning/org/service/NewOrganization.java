package gov.planning.org.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Input;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;

@Input("OrganizationInput")
public record NewOrganization(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+([.-][a-z0-9]+)*", message = "must be lower-case ASCII words separated by dots or hyphens, e.g. nmg.zrzyt") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String shortName,
        @NotNull OrgKind kind,
        AdminLevel level,
        @Size(max = 100) String parentCode,
        LocalDate validFrom,
        @Size(max = 50) List<String> aliases,
        @Size(max = 100) String region) {
}
