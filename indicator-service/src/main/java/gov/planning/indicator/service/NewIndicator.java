package gov.planning.indicator.service;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import gov.planning.indicator.entity.Comparator;
import gov.planning.indicator.entity.IndicatorNature;

/** An indicator as a plan states it; {@code unit} must be one of {@code Units}, which decides whether it is additive. */
@Input("IndicatorInput")
public record NewIndicator(
        @NotBlank @Size(max = 300) String name,
        @Size(max = 30) String unit,
        IndicatorNature nature,
        @NotNull Comparator comparator,
        Double baselineValue,
        @Min(1949) @Max(2100) Integer baselineYear,
        @NotNull Double targetValue,
        @Min(1949) @Max(2100) Integer targetYear,
        @Size(max = 50) @Id List<String> responsibleOrgIds) {
}
