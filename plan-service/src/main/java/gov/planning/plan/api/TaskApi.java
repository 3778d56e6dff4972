package gov.planning.plan.api;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import gov.planning.common.api.Ids;
import gov.planning.orgref.OrganizationRef;
import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.entity.TaskStatus;
import gov.planning.plan.service.NewTask;
import gov.planning.plan.service.TaskReads;
import gov.planning.plan.service.TaskService;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;

/** Tasks: queries, mutations, the {@code Task} entity's batched fields and {@code Organization.tasks}. */
@GraphQLApi
public class TaskApi {

    @Inject
    TaskReads reads;

    @Inject
    TaskService service;

    @Query
    @Description("One task by id.")
    public Uni<TaskView> task(@NonNull @Id String id) {
        UUID uuid = Ids.parseOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem() : reads.findById(uuid).map(TaskView::of);
    }

    @Query
    @Description("Tasks across plans: of one organization (in a role; ANY or none: lead or cooperating), of one health, "
            + "due before a day (ongoing tasks never are); plan by plan in document order.")
    public Uni<@NonNull TaskConnection> tasks(@Id String orgId, TaskRole role, Health health, LocalDate dueBefore,
            Integer first, String after) {
        UUID org = orgId == null ? null : Ids.parse("orgId", orgId);
        return reads.search(org, role, health, dueBefore).map(all -> TaskConnection.of(all, after, first));
    }

    @Query
    @Description("Supervision dashboard (督查): per lead organization, its tasks by health, most red first; "
            + "of one plan, or across all plans when planId is not given.")
    public Uni<@NonNull List<@NonNull OrgHealthCount>> healthCounts(@Id String planId) {
        UUID plan = planId == null ? null : Ids.parse("planId", planId);
        return reads.healthCounts(plan).map(rows -> rows.stream().map(OrgHealthCount::of).toList());
    }

    @Mutation
    @Description("Adds a task to a plan (admin, or a planner of the issuing organization or one above it).")
    public Uni<@NonNull TaskView> createTask(@NonNull @Id String planId, @NonNull @Name("input") NewTask input) {
        return service.create(Ids.parse("planId", planId), input).chain(task -> reads.findById(task.id)).map(TaskView::of);
    }

    @Mutation
    @Description("Changes a task; `version` is the one you read (another is CONFLICT). Status: the lead side; "
            + "deadline and organizations: the plan's planners.")
    public Uni<@NonNull TaskView> updateTask(@NonNull @Id String id, int version, TaskStatus status, LocalDate deadline,
            @Nullable List<@NonNull String> leadOrgIds, @Nullable List<@NonNull String> cooperatingOrgIds) {
        // [String!] rather than the sketch's [ID!]: SmallRye 2.17 fails to convert an @Id list argument (an @Id list
        // works only inside an input type, as in TaskInput). A client sends the same id strings.
        return service.update(Ids.parse("id", id), version, status, deadline, leadOrgIds, cooperatingOrgIds)
                .chain(task -> reads.findById(task.id)).map(TaskView::of);
    }

    /** Federation entity lookup: every Task representation of a request in one call. */
    @Resolver
    public Uni<List<TaskView>> tasksById(@Name("id") List<String> ids) {
        return reads.findByIds(ids.stream().map(Ids::parseOrNull).toList())
                .map(found -> found.stream().map(TaskView::of).toList());
    }

    public Uni<List<@NonNull PlanView>> plan(@Source List<TaskView> tasks) {
        return reads.plansByIds(tasks.stream().map(TaskView::planId).distinct().toList()).map(found -> {
            Map<UUID, Plan> byId = found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
            return tasks.stream().map(t -> PlanView.of(byId.get(t.planId()))).toList();
        });
    }

    @Description("牵头单位, in the document's order; the first is the convener.")
    @NonNull
    public Uni<List<@NonNull List<@NonNull OrganizationRef>>> leadOrgs(@Source List<TaskView> tasks) {
        return orgs(tasks, TaskRole.LEAD);
    }

    @Description("参加单位 / 配合单位, in the document's order.")
    public Uni<List<@NonNull List<@NonNull OrganizationRef>>> cooperatingOrgs(@Source List<TaskView> tasks) {
        return orgs(tasks, TaskRole.COOPERATING);
    }

    public Uni<List<@NonNull List<@NonNull MilestoneView>>> milestones(@Source List<TaskView> tasks) {
        return reads.milestonesOf(ids(tasks)).map(byTask -> tasks.stream()
                .map(t -> byTask.getOrDefault(t.id(), List.of()).stream().map(MilestoneView::of).toList()).toList());
    }

    @Description("Progress reports, newest first.")
    public Uni<List<@NonNull List<@NonNull ProgressReportView>>> reports(@Source List<TaskView> tasks) {
        return reads.reportsOf(ids(tasks)).map(byTask -> tasks.stream()
                .map(t -> byTask.getOrDefault(t.id(), List.of()).stream().map(ProgressReportView::of).toList()).toList());
    }

    /** Contributed to org-service's Organization: one query for every organization of the request. */
    @Name("tasks")
    @Description("Tasks this organization leads or cooperates on (role), of one health.")
    @NonNull
    public Uni<List<@NonNull TaskConnection>> organizationTasks(@Source List<OrganizationRef> orgs,
            @DefaultValue("ANY") TaskRole role, Health health, Integer first, String after) {
        return reads.ofOrganizations(orgs.stream().map(OrganizationRef::id).distinct().toList(), role, health)
                .map(byOrg -> orgs.stream().map(o -> TaskConnection.of(byOrg.getOrDefault(o.id(), List.of()), after, first)).toList());
    }

    private Uni<List<List<OrganizationRef>>> orgs(List<TaskView> tasks, TaskRole role) {
        return reads.orgsOf(ids(tasks)).map(byTask -> tasks.stream()
                .map(t -> byTask.getOrDefault(t.id(), List.of()).stream().filter(o -> o.role == role)
                        .sorted(Comparator.comparingInt((TaskOrg o) -> o.position))
                        .map(o -> OrganizationRef.of(o.orgId)).toList())
                .toList());
    }

    private static List<UUID> ids(List<TaskView> tasks) {
        return tasks.stream().map(TaskView::id).filter(Objects::nonNull).distinct().toList();
    }
}
