package gov.planning.indicator.security;

import java.util.UUID;

import gov.planning.common.security.Caller;
import gov.planning.indicator.entity.Indicator;

/**
 * Which indicator writes a caller may make (DOMAIN.md §4). This is the seam for organization scoping: the full rule
 * ("plans issued by their org or an org below it", "regions at or below their org", "their own org's region or as
 * the indicator's responsible org") needs org-service's tree to relate the token's org codes to plans and regions.
 * {@link RoleOrgScope} decides by role alone until an implementation backed by org-service replaces it (declare it
 * {@code @ApplicationScoped}; the role-only one is a {@code @DefaultBean} and steps aside).
 */
public interface OrgScope {

    /** Create indicators for a plan and set their regional targets (任务分解). */
    boolean maySetIndicators(Caller caller, UUID planId);

    /** Record an observation of the indicator for the region (null: the indicator's whole area). */
    boolean mayRecordObservation(Caller caller, Indicator indicator, UUID regionId);
}
