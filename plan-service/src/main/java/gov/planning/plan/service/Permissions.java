package gov.planning.plan.service;

import java.util.Collection;



import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.error.ForbiddenException;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.org.OrgDirectory;
import gov.planning.plan.org.OrgDirectory.OrgScope;
import io.smallrye.mutiny.Uni;

/**
 * DOMAIN.md §4 for plan-service, from the token's roles and org codes and org-service's tree. Each check completes
 * or fails with FORBIDDEN before anything is written; services call them ahead of their writes.
 */
@ApplicationScoped
public class Permissions {

    @Inject
    Caller caller;

    @Inject
    OrgDirectory directory;


    /** Create, edit, publish a plan; assign tasks: admin all, planner for plans issued by their org or one below it. */
    public Uni<Void> requireManagePlan(String action, Plan plan) {
        return requireManagePlanIssuedBy(action, plan.issuerId);
    }

    public Uni<Void> requireManagePlanIssuedBy(String action, java.util.UUID issuerId) {
        caller.requireAnyRole(action, PlatformRole.ADMIN, PlatformRole.PLANNER);
        if (caller.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        return scope().map(scope -> {
            if (!scope.ownAndBelow().contains(issuerId)) {
                throw forbidden(action, "the plan is issued by " + issuerId + ", which is neither their organization nor below it");
            }
            return null;
        });
    }

    /**
     * Change a task's status, approve or return a report: admin all; planner if their org leads the task or is above
     * a lead; reporter only if their org leads it.
     */
    public Uni<Void> requireSteerTask(String action, Collection<java.util.UUID> leadOrgIds) {
        caller.requireAnyRole(action, PlatformRole.ADMIN, PlatformRole.PLANNER, PlatformRole.REPORTER);
        if (caller.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        boolean planner = caller.hasRole(PlatformRole.PLANNER);
        return scope().map(scope -> {
            var mine = planner ? scope.ownAndBelow() : scope.own();
            if (leadOrgIds.stream().noneMatch(mine::contains)) {
                throw forbidden(action, planner ? "their organization neither leads the task nor is above a lead"
                        : "their organization does not lead the task");
            }
            return null;
        });
    }

    /**
     * Submit a report for {@code orgId} (already checked to be on the task): admin all; planner and reporter only for
     * their own organization, which then leads or cooperates.
     */
    public Uni<Void> requireReportFor(String action, java.util.UUID orgId) {
        caller.requireAnyRole(action, PlatformRole.ADMIN, PlatformRole.PLANNER, PlatformRole.REPORTER);
        if (caller.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        return scope().map(scope -> {
            if (!scope.own().contains(orgId)) {
                throw forbidden(action, "organization " + orgId + " is not theirs");
            }
            return null;
        });
    }

    private Uni<OrgScope> scope() {
        var codes = caller.orgCodes();
        return codes.isEmpty() ? Uni.createFrom().item(OrgScope.EMPTY) : directory.scopeOf(codes);
    }

    private ForbiddenException forbidden(String action, String why) {
        return new ForbiddenException(caller.username() + " may not " + action + ": " + why);
    }
}
