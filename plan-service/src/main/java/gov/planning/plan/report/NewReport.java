package gov.planning.plan.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The arguments of submitProgressReport, validated together so every broken rule is named at once. */
public record NewReport(
        @NotBlank @Size(max = 50) String period,
        @Min(0) @Max(100) Integer percent,
        @NotBlank @Size(max = 4000) String summary,
        @Size(max = 4000) String problems,
        @Size(max = 4000) String nextSteps) {
}
