package gov.planning.plan.audit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.planning.common.audit.AuditSnapshot;
import gov.planning.plan.entity.Milestone;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.ProgressReport;
import gov.planning.plan.entity.ReportingReopening;
import gov.planning.plan.entity.Section;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.entity.TaskRole;

/** The states the audit trail keeps of plan-service's records (taken before and after each write). */
public final class Snapshots {

    private Snapshots() {
    }

    public static AuditSnapshot of(Plan p) {
        return AuditSnapshot.of("Plan", p.id)
                .put("title", p.title)
                .put("kind", p.kind)
                .put("docNumber", p.docNumber)
                .put("issuerId", p.issuerId)
                .put("issuedOn", p.issuedOn)
                .put("periodStart", p.periodStart)
                .put("periodEnd", p.periodEnd)
                .put("status", p.status)
                .put("reportCadence", p.reportCadence)
                .put("reportDueDay", p.reportDueDay)
                .put("reportGraceDays", p.reportGraceDays);
    }

    public static AuditSnapshot of(Section s) {
        return AuditSnapshot.of("Section", s.id)
                .put("planId", s.planId)
                .put("parentId", s.parentId)
                .put("number", s.number)
                .put("heading", s.heading)
                .put("level", s.level)
                .put("position", s.position);
    }

    /** A task with its organizations in their order and, when given, its milestones. */
    public static AuditSnapshot of(Task t, List<TaskOrg> orgs, List<Milestone> milestones) {
        List<TaskOrg> ordered = orgs.stream().sorted(Comparator.comparingInt(o -> o.position)).toList();
        AuditSnapshot snapshot = AuditSnapshot.of("Task", t.id)
                .put("planId", t.planId)
                .put("sectionId", t.sectionId)
                .put("number", t.number)
                .put("title", t.title)
                .put("description", t.description)
                .put("deadlineDate", t.deadlineDate)
                .put("deadlineOngoing", t.deadlineOngoing)
                .put("deadlineText", t.deadlineText)
                .put("status", t.status)
                .put("reportCadence", t.reportCadence)
                .put("leadOrgIds", orgIds(ordered, true))
                .put("cooperatingOrgIds", orgIds(ordered, false));
        if (milestones != null) {
            snapshot.put("milestones", milestones.stream().map(m -> {
                Map<String, Object> milestone = new LinkedHashMap<>();
                milestone.put("id", m.id);
                milestone.put("dueDate", m.dueDate);
                milestone.put("description", m.description);
                milestone.put("done", m.done);
                return milestone;
            }).toList());
        }
        return snapshot;
    }

    public static AuditSnapshot of(ProgressReport r) {
        return AuditSnapshot.of("ProgressReport", r.id)
                .put("taskId", r.taskId)
                .put("orgId", r.orgId)
                .put("period", r.period)
                .put("percent", r.percent)
                .put("summary", r.summary)
                .put("problems", r.problems)
                .put("nextSteps", r.nextSteps)
                .put("reportedBy", r.reportedBy)
                .put("reportedAt", r.reportedAt)
                .put("status", r.status)
                .put("late", r.late)
                .put("reviewComment", r.reviewComment)
                .put("reviewedBy", r.reviewedBy)
                .put("reviewedAt", r.reviewedAt);
    }

    /** A reopening, logged on the task (its history shows who reopened which period of which organization and why). */
    public static AuditSnapshot of(ReportingReopening r) {
        return AuditSnapshot.of("Task", r.taskId)
                .put("reopenedOrgId", r.orgId)
                .put("reopenedPeriod", r.period)
                .put("reopenReason", r.reason)
                .put("reopenedUntil", r.openUntil);
    }

    private static List<String> orgIds(List<TaskOrg> orgs, boolean lead) {
        return orgs.stream().filter(o -> (o.role == TaskRole.LEAD) == lead).map(o -> o.orgId).map(UUID::toString).toList();
    }
}
