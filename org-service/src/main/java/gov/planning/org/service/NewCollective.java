package gov.planning.org.service;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Input;

/** A collective such as 各旗县（市、区）人民政府: its phrase as name, other phrasings as aliases, and its member rule. */
@Input("CollectiveInput")
public record NewCollective(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+([.-][a-z0-9]+)*", message = "must be lower-case ASCII words separated by dots or hyphens, e.g. nmg.qixian-govs") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) List<String> aliases,
        @NotBlank @Size(max = 100) String parentCode,
        @NotNull @Valid MemberRule rule) {
}
