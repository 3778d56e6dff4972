package gov.planning.plan.audit;

import java.util.Comparator;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import gov.planning.plan.entity.Milestone;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.ProgressReport;
import gov.planning.plan.entity.Section;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;

/** The JSON states the audit log keeps (taken before and after each write). */
public final class Snapshots {

    private Snapshots() {
    }

    public static String of(Plan p) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        put(b, "id", p.id);
        put(b, "title", p.title);
        put(b, "kind", p.kind);
        put(b, "docNumber", p.docNumber);
        put(b, "issuerId", p.issuerId);
        put(b, "issuedOn", p.issuedOn);
        put(b, "periodStart", p.periodStart);
        put(b, "periodEnd", p.periodEnd);
        put(b, "status", p.status);
        put(b, "reportCadence", p.reportCadence);
        put(b, "reportDueDay", p.reportDueDay);
        put(b, "reportGraceDays", p.reportGraceDays);
        return b.build().toString();
    }

    public static String of(Section s) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        put(b, "id", s.id);
        put(b, "planId", s.planId);
        put(b, "parentId", s.parentId);
        put(b, "number", s.number);
        put(b, "heading", s.heading);
        put(b, "level", s.level);
        put(b, "position", s.position);
        return b.build().toString();
    }

    public static String of(Task t, List<TaskOrg> orgs, List<Milestone> milestones) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        put(b, "id", t.id);
        put(b, "planId", t.planId);
        put(b, "sectionId", t.sectionId);
        put(b, "number", t.number);
        put(b, "title", t.title);
        put(b, "description", t.description);
        put(b, "deadlineDate", t.deadlineDate);
        put(b, "deadlineOngoing", t.deadlineOngoing);
        put(b, "deadlineText", t.deadlineText);
        put(b, "status", t.status);
        put(b, "reportCadence", t.reportCadence);
        put(b, "version", t.version);
        JsonArrayBuilder leads = Json.createArrayBuilder();
        JsonArrayBuilder cooperating = Json.createArrayBuilder();
        orgs.stream().sorted(Comparator.comparingInt(o -> o.position))
                .forEach(o -> (o.role == gov.planning.plan.entity.TaskRole.LEAD ? leads : cooperating).add(o.orgId.toString()));
        b.add("leadOrgIds", leads);
        b.add("cooperatingOrgIds", cooperating);
        if (milestones != null) {
            JsonArrayBuilder ms = Json.createArrayBuilder();
            for (Milestone m : milestones) {
                JsonObjectBuilder mb = Json.createObjectBuilder();
                put(mb, "id", m.id);
                put(mb, "dueDate", m.dueDate);
                put(mb, "description", m.description);
                put(mb, "done", m.done);
                ms.add(mb);
            }
            b.add("milestones", ms);
        }
        return b.build().toString();
    }

    public static String of(ProgressReport r) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        put(b, "id", r.id);
        put(b, "taskId", r.taskId);
        put(b, "orgId", r.orgId);
        put(b, "period", r.period);
        put(b, "percent", r.percent);
        put(b, "summary", r.summary);
        put(b, "problems", r.problems);
        put(b, "nextSteps", r.nextSteps);
        put(b, "reportedBy", r.reportedBy);
        put(b, "reportedAt", r.reportedAt);
        put(b, "status", r.status);
        put(b, "late", r.late);
        put(b, "reviewComment", r.reviewComment);
        put(b, "reviewedBy", r.reviewedBy);
        put(b, "reviewedAt", r.reviewedAt);
        return b.build().toString();
    }

    /** A reopening, logged on the task (its history shows who reopened which period of which organization and why). */
    public static String of(gov.planning.plan.entity.ReportingReopening r) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        put(b, "reopenedOrgId", r.orgId);
        put(b, "reopenedPeriod", r.period);
        put(b, "reopenReason", r.reason);
        put(b, "reopenedUntil", r.openUntil);
        return b.build().toString();
    }

    private static void put(JsonObjectBuilder b, String name, Object value) {
        if (value == null) {
            b.addNull(name);
        } else if (value instanceof Integer i) {
            b.add(name, i);
        } else if (value instanceof Boolean bool) {
            b.add(name, bool);
        } else {
            b.add(name, value.toString());
        }
    }
}
