package gov.planning.plan.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import gov.planning.common.error.ConflictException;
import gov.planning.common.error.NotFoundException;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.repository.PlanRepository;
import io.smallrye.mutiny.Uni;

/**
 * The permission checks that ask org-service run before a write's transaction opens, on what was read then (issue
 * #19, item 2). Inside the transaction a write re-reads what a check was based on and goes on only if it still holds;
 * if it changed meanwhile the write is refused with CONFLICT, as for any concurrent change, and nothing is written.
 */
public final class AsChecked {

    private AsChecked() {
    }

    /** The plan read again in the current transaction, as {@link #plan(Plan, Plan)} requires it. */
    public static Uni<Plan> plan(PlanRepository plans, Plan checked) {
        return plans.findVisible(checked.id).map(now -> plan(checked, now));
    }

    /** The plan as read in the transaction: still shown, and still issued by the organization the check was based on. */
    public static Plan plan(Plan checked, Plan now) {
        if (now == null) {
            throw new NotFoundException("plan " + checked.id + " does not exist");
        }
        if (!now.issuerId.equals(checked.issuerId)) {
            throw new ConflictException("规划 " + checked.id + " 的印发单位已被他人修改，请刷新后重试 (plan " + checked.id
                    + " was changed meanwhile: it is now issued by " + now.issuerId + "; read it again)");
        }
        return now;
    }

    /** The task's organizations (and their roles) as read in the transaction are those the checks saw. */
    public static void orgs(UUID taskId, List<TaskOrg> checked, List<TaskOrg> now) {
        if (!roles(checked).equals(roles(now))) {
            throw new ConflictException("任务 " + taskId + " 的牵头或配合单位已被他人修改，请刷新后重试 (the organizations of task "
                    + taskId + " were changed meanwhile; read it again)");
        }
    }

    private static Set<String> roles(List<TaskOrg> orgs) {
        return orgs.stream().map(o -> o.orgId + " " + o.role).collect(Collectors.toSet());
    }

    /** Whether a flush failed because a concurrent write committed first (the {@code @Version} check). */
    public static boolean isStale(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
