package gov.planning.indicator.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.indicator.domain.IndicatorFigures;
import gov.planning.indicator.entity.Comparator;
import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.entity.IndicatorNature;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/** The {@code Indicator} entity of the federated graph ({@code @Name} lets SmallRye type {@code _entities} results). */
@Type("Indicator")
@Name("Indicator")
@Key(fields = @FieldSet("id"))
public record IndicatorView(
        @Id @NonNull UUID id,
        @NonNull String name,
        String unit,
        IndicatorNature nature,
        @NonNull Comparator comparator,
        Measure baseline,
        @NonNull Measure target,
        @NonNull Integer version,
        @Description("Whether regional values add up to the whole (万亩, 公里, 个) or not (%, 率); decided by the unit.")
        @NonNull Boolean additive,
        @Description("The user name of who created it.")
        @NonNull String createdBy,
        @Ignore UUID planId,
        @Ignore Instant updatedAt) {

    static IndicatorFigures figures(IndicatorView v) {
        return new IndicatorFigures(v.id, v.additive, v.comparator, v.baseline == null ? null : v.baseline.value(),
                v.baseline == null ? null : v.baseline.year(), v.target.value(), v.target.year());
    }

    static IndicatorView of(Indicator i) {
        return i == null ? null
                : new IndicatorView(i.id, i.name, i.unit, i.nature, i.comparator, Measure.of(i.baselineValue, i.baselineYear),
                        Measure.of(i.targetValue, i.targetYear), i.version, i.additive, i.createdBy, i.planId, i.updatedAt);
    }
}
