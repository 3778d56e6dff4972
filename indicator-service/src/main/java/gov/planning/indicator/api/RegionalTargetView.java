package gov.planning.indicator.api;

import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.indicator.entity.RegionalTarget;
import gov.planning.orgref.OrganizationRef;

/** One row of a task-division table, in the indicator's unit. */
@Type("RegionalTarget")
@Name("RegionalTarget")
public record RegionalTargetView(OrganizationRef region, @NonNull String period, @NonNull Double value) {

    static RegionalTargetView of(RegionalTarget t) {
        return new RegionalTargetView(OrganizationRef.of(t.regionId), t.period, t.value);
    }
}
