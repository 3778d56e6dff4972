package gov.planning.plan.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.error.ForbiddenException;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.plan.entity.Plan;
import gov.planning.orgclient.OrganizationTree;
import gov.planning.orgclient.OrganizationTree.OrgScope;
import gov.planning.plan.repository.PlanRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * docs/domain.md §4 for plan-service, from the token's roles and org codes and org-service's tree. Each check completes
 * or fails with FORBIDDEN before anything is written; services call them ahead of their writes.
 */
@ApplicationScoped
public class Permissions {

    @Inject
    Caller caller;

    @Inject
    OrganizationTree organizations;

    @Inject
    PlanRepository plans;

    /**
     * The plan, read and the caller's right to manage it checked before the write's transaction opens (the check may
     * ask org-service); the transaction goes on only while the plan is still issued as checked ({@link AsChecked}).
     */
    public Uni<Plan> manageablePlan(UUID id, String action) {
        return Panache.withSession(() -> plans.requireVisible(id)).call(plan -> requireManagePlan(action, plan));
    }

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
     * a lead; reporter only if their org leads it. "Their org" includes the organizations it acts for
     * ({@link OrgScope#actingFor()}): a member of a collective that leads, or the successor of a lead that a reform
     * replaced, acts for that lead.
     */
    public Uni<Void> requireSteerTask(String action, Collection<java.util.UUID> leadOrgIds) {
        caller.requireAnyRole(action, PlatformRole.ADMIN, PlatformRole.PLANNER, PlatformRole.REPORTER);
        return steerableOrgs().map(mine -> {
            if (mine != null && leadOrgIds.stream().noneMatch(mine::contains)) {
                throw forbidden(action, caller.hasRole(PlatformRole.PLANNER) ? "their organization neither leads the task nor is above a lead"
                        : "their organization does not lead the task");
            }
            return null;
        });
    }

    /**
     * The lead organizations whose tasks the caller steers ({@link #requireSteerTask}): null for an admin (every
     * task), empty for a viewer. The approval queue lists the reports of exactly these tasks.
     */
    public Uni<Set<UUID>> steerableOrgs() {
        if (caller.isAdmin()) {
            return Uni.createFrom().nullItem();
        }
        boolean planner = caller.hasRole(PlatformRole.PLANNER);
        if (!planner && !caller.hasRole(PlatformRole.REPORTER)) {
            return Uni.createFrom().item(Set.of());
        }
        return scope().map(scope -> {
            Set<UUID> mine = new HashSet<>(scope.actingFor());
            if (planner) {
                mine.addAll(scope.ownAndBelow());
            }
            return mine;
        });
    }

    /** The organizations the caller reports for: their own and those they act for (the inbox's scope). */
    public Uni<Set<UUID>> reportingOrgs() {
        return scope().map(OrgScope::actingFor);
    }

    /**
     * Submit a report for {@code orgId} (already checked to be on the task, or to act for an organization on it):
     * admin all; planner and reporter only for their own organization, or one it acts for (a collective it is a
     * member of, a predecessor), which then leads or cooperates.
     */
    public Uni<Void> requireReportFor(String action, java.util.UUID orgId) {
        caller.requireAnyRole(action, PlatformRole.ADMIN, PlatformRole.PLANNER, PlatformRole.REPORTER);
        if (caller.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        return scope().map(scope -> {
            if (!scope.actingFor().contains(orgId)) {
                throw forbidden(action, "organization " + orgId + " is not theirs");
            }
            return null;
        });
    }

    private Uni<OrgScope> scope() {
        var codes = caller.orgCodes();
        return codes.isEmpty() ? Uni.createFrom().item(OrgScope.EMPTY) : organizations.scopeOf(codes);
    }

    private ForbiddenException forbidden(String action, String why) {
        return new ForbiddenException(caller.username() + " may not " + action + ": " + why);
    }
}
