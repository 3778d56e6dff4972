package gov.planning.plan.api;

import org.eclipse.microprofile.graphql.NonNull;

import gov.planning.orgref.OrganizationRef;
import gov.planning.plan.service.OrgHealth;

/** One row of the supervision dashboard (督查): a lead organization and how many of its tasks are in each health. */
public record OrgHealthCount(@NonNull OrganizationRef org, @NonNull Integer green, @NonNull Integer yellow,
        @NonNull Integer red, @NonNull Integer done, @NonNull Integer total) {

    static OrgHealthCount of(OrgHealth h) {
        return new OrgHealthCount(OrganizationRef.of(h.orgId()), h.green(), h.yellow(), h.red(), h.done(), h.total());
    }
}
