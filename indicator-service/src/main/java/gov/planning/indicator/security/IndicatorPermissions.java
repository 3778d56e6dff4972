package gov.planning.indicator.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.error.ForbiddenException;
import gov.planning.common.security.Caller;
import gov.planning.indicator.entity.Indicator;

/** Turns {@link OrgScope}'s answers into FORBIDDEN errors, raised before anything is written. */
@ApplicationScoped
public class IndicatorPermissions {

    @Inject
    OrgScope scope;

    @Inject
    Caller caller;

    public void requireSetIndicators(UUID planId, String action) {
        if (!scope.maySetIndicators(caller, planId)) {
            throw refused(action);
        }
    }

    public void requireRecordObservation(Indicator indicator, UUID regionId) {
        if (!scope.mayRecordObservation(caller, indicator, regionId)) {
            throw refused("record observations of indicator " + indicator.id);
        }
    }

    private ForbiddenException refused(String action) {
        return new ForbiddenException(caller.username() + " may not " + action + " (roles " + caller.roles() + ")");
    }
}
