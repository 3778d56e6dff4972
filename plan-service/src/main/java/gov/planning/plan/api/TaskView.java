package gov.planning.plan.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.plan.cycle.ReportingCycle;
import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskStatus;
import gov.planning.plan.service.AssessedTask;
import gov.planning.plan.service.HealthRule;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/** The {@code Task} entity; organizations, milestones, reports and the plan are batched field resolvers in {@link TaskApi}. */
@Type("Task")
@Name("Task")
@Key(fields = @FieldSet("id"))
public record TaskView(
        @Id @NonNull UUID id,
        String number,
        @NonNull String title,
        String description,
        DeadlineView deadline,
        @NonNull TaskStatus status,
        @NonNull Health health,
        Integer progressPercent,
        @Description("How often the task reports: its own cadence, else its plan's.")
        @NonNull ReportCadence reportCadence,
        @Description("The task's own cadence; null: the plan's.")
        ReportCadence ownReportCadence,
        @NonNull Integer version,
        @NonNull String createdBy,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @Ignore UUID planId,
        @Ignore HealthRule.Verdict verdict,
        @Ignore ReportingCycle cycle,
        @Ignore LocalDate reportingSince) {

    static TaskView of(AssessedTask assessed) {
        if (assessed == null) {
            return null;
        }
        Task t = assessed.task();
        return new TaskView(t.id, t.number, t.title, t.description, DeadlineView.of(t), t.status, assessed.health(),
                assessed.progressPercent(), assessed.cycle().cadence(), t.reportCadence, t.version, t.createdBy,
                t.createdAt.atOffset(ZoneOffset.UTC), t.updatedAt.atOffset(ZoneOffset.UTC), t.planId, assessed.verdict(),
                assessed.cycle(), assessed.reportingSince());
    }

    /**
     * The task's own columns only, for a selection of {@link #OWN_FIELDS}: health, progress, cadence and their reason
     * (from its plan, milestones and reports) are null and must not be selected.
     */
    static TaskView unassessed(Task t) {
        return t == null ? null
                : new TaskView(t.id, t.number, t.title, t.description, DeadlineView.of(t), t.status, null, null, null,
                        t.reportCadence, t.version, t.createdBy, t.createdAt.atOffset(ZoneOffset.UTC),
                        t.updatedAt.atOffset(ZoneOffset.UTC), t.planId, null, null, null);
    }

    /** The fields {@link #unassessed} answers. */
    static final Set<String> OWN_FIELDS = Set.of("__typename", "id", "number", "title", "description",
            "deadline", "status", "ownReportCadence", "version", "createdBy", "createdAt", "updatedAt");
}
