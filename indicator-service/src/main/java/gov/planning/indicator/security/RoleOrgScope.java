package gov.planning.indicator.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.indicator.entity.Indicator;
import io.quarkus.arc.DefaultBean;

/**
 * The role half of DOMAIN.md §4 without the org half: admins may do everything, planners set indicators and
 * targets and record observations, reporters record observations, viewers write nothing. It is deliberately more
 * permissive than the final rule for planners and reporters (any plan, any region) and never more permissive for
 * viewers or anonymous callers.
 */
@ApplicationScoped
@DefaultBean
public class RoleOrgScope implements OrgScope {

    @Override
    public boolean maySetIndicators(Caller caller, UUID planId) {
        return caller.hasRole(PlatformRole.ADMIN) || caller.hasRole(PlatformRole.PLANNER);
    }

    @Override
    public boolean mayRecordObservation(Caller caller, Indicator indicator, UUID regionId) {
        return caller.hasRole(PlatformRole.ADMIN) || caller.hasRole(PlatformRole.PLANNER) || caller.hasRole(PlatformRole.REPORTER);
    }
}
