package gov.planning.indicator.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.time.ClockProducer;
import gov.planning.indicator.domain.Latest;
import gov.planning.indicator.entity.Observation;
import gov.planning.orgref.OrganizationRef;

/** A reported actual value, or (for {@code latest} of an additive indicator) the sum of the regions' latest values. */
@Type("Observation")
@Name("Observation")
public record ObservationView(
        @Id @NonNull UUID id,
        OrganizationRef region,
        @NonNull String period,
        @NonNull Double value,
        String source,
        @NonNull String reportedBy,
        @NonNull OffsetDateTime reportedAt,
        @Id UUID supersedes,
        @Description("For a sum of regional observations: the ids of the observations it adds up; null for a reported value.")
        @Id List<@NonNull String> derivedFrom) {

    /** Who a sum is "reported by": nobody reported it, the service added it up. */
    static final String DERIVED_BY = "indicator-service";

    static ObservationView of(Observation o) {
        return new ObservationView(o.id, OrganizationRef.of(o.regionId), o.period, o.value, o.source, o.reportedBy,
                o.reportedAt.atZone(ClockProducer.GOVERNMENT_ZONE).toOffsetDateTime(), o.supersedes, null);
    }

    static ObservationView of(Latest latest) {
        if (latest == null) {
            return null;
        }
        if (!latest.isSum()) {
            return of(latest.observation());
        }
        return new ObservationView(latest.id(), null, latest.period(), latest.value(),
                "sum of the latest values of " + latest.parts().size() + " regions", DERIVED_BY,
                latest.reportedAt().atZone(ClockProducer.GOVERNMENT_ZONE).toOffsetDateTime(), null,
                latest.parts().stream().map(o -> o.id.toString()).toList());
    }
}
