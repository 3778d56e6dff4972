package gov.planning.indicator.security;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ForbiddenException;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.indicator.entity.Indicator;
import gov.planning.orgclient.OrganizationTree;
import gov.planning.planclient.PlanIssuers;
import io.smallrye.mutiny.Uni;

/**
 * docs/domain.md §4 for indicators, from the token's roles and {@code org_codes}, the org tree ({@link OrganizationTree}) and the
 * plan's issuer ({@link #issuerOf}). Every check runs before anything is written and fails the write with FORBIDDEN
 * (or BAD_USER_INPUT for a region outside the plan's territory). Roles are checked first, so a viewer is refused
 * without asking other services.
 *
 * <p>The issuer is the one plan-service's import states for the plan it is still writing (hidden from every read;
 * {@link ImportedPlanIssuer}, decision 0007), else plan-service's {@code plan(id) { issuer }} (plan-client), so a
 * planner's import is checked like any other write. A plan plan-service does not show is the caller's error
 * (BAD_USER_INPUT), for an admin too when an indicator is created for it (an admin may still change or delete the
 * indicators of a plan that is gone).
 */
@ApplicationScoped
public class IndicatorPermissions {

    @Inject
    OrganizationTree tree;

    @Inject
    PlanIssuers plans;

    @Inject
    ImportedPlanIssuer imported;

    @Inject
    Caller caller;

    /** Creating an indicator of a plan: as {@link #requireSetIndicators}, and the plan must exist, also for an admin. */
    public Uni<UUID> requireCreateIndicator(UUID planId) {
        return requireSetIndicators(planId, "set indicators of plan " + planId, true);
    }

    /**
     * Changing or deleting indicators of a plan and setting their regional targets: admin any plan, planner plans
     * issued by their organization or below it. Answers the plan's issuer (null when unknown, see above).
     */
    public Uni<UUID> requireSetIndicators(UUID planId, String action) {
        return requireSetIndicators(planId, action, false);
    }

    private Uni<UUID> requireSetIndicators(UUID planId, String action, boolean planMustExist) {
        String who = who();
        boolean admin = caller.hasRole(PlatformRole.ADMIN);
        if (!admin && !caller.hasRole(PlatformRole.PLANNER)) {
            return Uni.createFrom().failure(refused(who, action, "only admins and planners set indicators"));
        }
        List<String> codes = caller.orgCodes();
        return issuerOf(planId).call(issuer -> {
            if (issuer == null && (!admin || planMustExist)) {
                // Without the plan there is no issuer to hold a planner to.
                return Uni.createFrom().failure(new BadUserInputException("planId: plan-service knows no plan " + planId));
            }
            return admin ? Uni.createFrom().voidItem() : tree.scopeOf(codes).invoke(reach -> {
                    if (!reach.ownAndBelow().contains(issuer)) {
                        throw refused(who, action, "plan " + planId + " is issued by " + issuer
                                + ", which is neither their organization " + codes + " nor below it");
                    }
                });
        });
    }

    /**
     * Recording an observation: admin any region; planners and reporters a region at or below their organization,
     * or any region when their organization is one of the indicator's responsible organizations. The whole area
     * (no region) counts as the issuer's region. Answers the plan's issuer (null when unknown).
     */
    public Uni<UUID> requireRecordObservation(Indicator indicator, UUID regionId) {
        String action = "record observations of indicator " + indicator.id;
        String who = who();
        boolean admin = caller.hasRole(PlatformRole.ADMIN);
        if (!admin && !caller.hasRole(PlatformRole.PLANNER) && !caller.hasRole(PlatformRole.REPORTER)) {
            return Uni.createFrom().failure(refused(who, action, "only admins, planners and reporters record observations"));
        }
        List<String> codes = caller.orgCodes();
        return issuerOf(indicator.planId).call(issuer -> admin ? Uni.createFrom().voidItem()
                // The responsible organizations were loaded with the indicator, before the write's transaction.
                : tree.scopeOf(codes).invoke(reach -> {
                    if (reach.own().stream().anyMatch(indicator.responsibleOrgIds::contains)) {
                        return;
                    }
                    UUID region = regionId != null ? regionId : issuer;
                    if (region == null || !reach.ownAndBelow().contains(region)) {
                        throw refused(who, action, (regionId == null ? "the whole area of the plan" : "region " + regionId)
                                + " is not at or below their organization " + codes
                                + ", and their organization is not responsible for the indicator");
                    }
                }));
    }

    /**
     * A region of a plan must be its issuer or below it (a plan of 呼和浩特 has no targets for 广西). Unchecked when the
     * issuer is unknown. {@code fields} names each region's input field for the message.
     */
    public Uni<Void> requireInTerritory(UUID issuer, List<UUID> regions, List<String> fields) {
        if (issuer == null || regions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tree.territoryOf(issuer).invoke(territory -> {
            for (int i = 0; i < regions.size(); i++) {
                if (!territory.contains(regions.get(i))) {
                    throw new BadUserInputException(fields.get(i) + ": region " + regions.get(i)
                            + " is outside the territory of the plan's issuer " + issuer + " (neither the issuer nor below it)");
                }
            }
        }).replaceWithVoid();
    }

    /**
     * Organizations a write refers to must exist in org-service (an id of no organization would be stored and show
     * as nobody). {@code fields} names each id's input field for the message; refused with BAD_USER_INPUT.
     */
    public Uni<Void> requireOrganizations(List<UUID> ids, List<String> fields) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tree.unknownOf(ids).invoke(unknown -> {
            for (int i = 0; i < ids.size(); i++) {
                if (unknown.contains(ids.get(i))) {
                    throw new BadUserInputException(fields.get(i) + ": org-service knows no organization " + ids.get(i));
                }
            }
        }).replaceWithVoid();
    }

    /** The issuer the import states for the plan it writes (verified), else the one plan-service shows. */
    private Uni<UUID> issuerOf(UUID planId) {
        return imported.issuerOf(planId).chain(stated -> stated != null ? Uni.createFrom().item(stated) : plans.issuerOf(planId));
    }

    /** Read before any look-up: the messages are built after other services answered. */
    private String who() {
        return caller.username() + " (roles " + caller.roles() + ")";
    }

    private static ForbiddenException refused(String who, String action, String why) {
        return new ForbiddenException(who + " may not " + action + ": " + why);
    }
}
