package gov.planning.org.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Input;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;

/** A collective's members: every organization below {@code underCode} of this kind and, if given, this level. */
@Input("MemberRuleInput")
public record MemberRule(
        @NotBlank @Size(max = 100) String underCode,
        @NotNull OrgKind kind,
        AdminLevel level) {
}
