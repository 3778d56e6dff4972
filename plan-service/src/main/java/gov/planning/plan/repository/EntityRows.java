package gov.planning.plan.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import gov.planning.plan.entity.Milestone;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.PlanKind;
import gov.planning.plan.entity.PlanStatus;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.entity.TaskStatus;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Detached, read-only copies of entities from rows the reactive SQL client read (docs/decisions/0023): what a list's
 * page shows, read without a Hibernate session. A column added to {@code task}, {@code plan}, {@code milestone} or
 * {@code task_org} is added here too; {@code EntityRowsTest} compares every field with Hibernate's read of the same row.
 */
public final class EntityRows {

    private EntityRows() {
    }

    private static final List<String> PLAN_COLUMNS = List.of("id", "version", "created_at", "updated_at", "title", "kind", "doc_number",
            "issuer_id", "issued_on", "period_start", "period_end", "status", "importing", "created_by", "report_cadence",
            "report_due_day", "report_grace_days");

    /** SQL: the columns of the plan aliased {@code p}, each named {@code p_<column>} (beside a task's {@code t.*}). */
    public static final String PLAN_AS_P = PLAN_COLUMNS.stream().map(c -> "p." + c + " AS p_" + c).collect(Collectors.joining(", "));

    /** A row of {@code task} ({@code t.*}). */
    public static Task task(Row row) {
        Task t = new Task();
        t.id = row.getUUID("id");
        t.planId = row.getUUID("plan_id");
        t.sectionId = row.getUUID("section_id");
        t.number = row.getString("number");
        t.position = row.getInteger("position");
        t.title = row.getString("title");
        t.description = row.getString("description");
        t.deadlineDate = row.getLocalDate("deadline_date");
        t.deadlineOngoing = row.getBoolean("deadline_ongoing");
        t.deadlineText = row.getString("deadline_text");
        t.status = TaskStatus.valueOf(row.getString("status"));
        String cadence = row.getString("report_cadence");
        t.reportCadence = cadence == null ? null : ReportCadence.valueOf(cadence);
        t.version = row.getInteger("version");
        t.createdBy = row.getString("created_by");
        t.createdAt = instant(row.getOffsetDateTime("created_at"));
        t.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        return t;
    }

    /** The plan of a row read with {@link #PLAN_AS_P}. */
    public static Plan plan(Row row) {
        Plan p = new Plan();
        p.id = row.getUUID("p_id");
        p.version = row.getInteger("p_version");
        p.createdAt = instant(row.getOffsetDateTime("p_created_at"));
        p.updatedAt = instant(row.getOffsetDateTime("p_updated_at"));
        p.title = row.getString("p_title");
        String kind = row.getString("p_kind");
        p.kind = kind == null ? null : PlanKind.valueOf(kind);
        p.docNumber = row.getString("p_doc_number");
        p.issuerId = row.getUUID("p_issuer_id");
        p.issuedOn = row.getLocalDate("p_issued_on");
        p.periodStart = row.getInteger("p_period_start");
        p.periodEnd = row.getInteger("p_period_end");
        p.status = PlanStatus.valueOf(row.getString("p_status"));
        p.importing = row.getBoolean("p_importing");
        p.createdBy = row.getString("p_created_by");
        p.reportCadence = ReportCadence.valueOf(row.getString("p_report_cadence"));
        p.reportDueDay = row.getInteger("p_report_due_day");
        p.reportGraceDays = row.getInteger("p_report_grace_days");
        return p;
    }

    /** A row of {@code milestone}. */
    public static Milestone milestone(Row row) {
        Milestone m = new Milestone();
        m.id = row.getUUID("id");
        m.taskId = row.getUUID("task_id");
        m.dueDate = row.getLocalDate("due_date");
        m.description = row.getString("description");
        m.done = row.getBoolean("done");
        m.position = row.getInteger("position");
        return m;
    }

    /** A row of {@code task_org}. */
    public static TaskOrg taskOrg(Row row) {
        return TaskOrg.of(row.getUUID("task_id"), row.getUUID("org_id"), TaskRole.valueOf(row.getString("role")), row.getInteger("position"));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
