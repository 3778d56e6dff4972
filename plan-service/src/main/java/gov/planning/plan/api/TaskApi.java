package gov.planning.plan.api;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

import gov.planning.common.api.Cursor;
import gov.planning.common.api.Ids;
import gov.planning.common.api.SortOrder;
import gov.planning.common.api.TextSearch;
import gov.planning.common.audit.HistoryEntry;
import gov.planning.plan.audit.AuditReads;
import gov.planning.orgref.OrganizationRef;
import gov.planning.common.error.BadUserInputException;
import gov.planning.plan.cycle.ReportingPeriods;
import gov.planning.plan.entity.Health;
import gov.planning.plan.service.HealthCountPage;
import gov.planning.plan.service.TaskPage;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.entity.TaskStatus;
import gov.planning.plan.service.NewTask;
import gov.planning.plan.service.Permissions;
import gov.planning.plan.service.TaskQuery;
import gov.planning.plan.service.TaskSort;
import gov.planning.plan.service.PlanService;
import gov.planning.plan.service.TaskReads;
import gov.planning.plan.service.TaskService;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;

/** Tasks: queries, mutations, the {@code Task} entity's batched fields and {@code Organization.tasks}. */
@GraphQLApi
public class TaskApi {

    @Inject
    TaskReads reads;

    @Inject
    PlanService plans;

    @Inject
    TaskService service;

    @Inject
    Permissions permissions;

    @Inject
    AuditReads audit;

    @Inject
    ReportingPeriods periods;

    @Inject
    Context context;

    @Query
    @Description("One task by id.")
    public Uni<TaskView> task(@NonNull @Id String id) {
        UUID uuid = Ids.parseOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem() : reads.findById(uuid).map(TaskView::of);
    }

    @Query
    @Description("Tasks across plans, filtered, sorted and paged (each filter optional). orgId: tasks of the "
            + "organization (and of those it took over from in a reform) in a role (ANY or none: lead or cooperating); "
            + "orgCode: the same by code, with includeSubOrgs every organization below it too; dueBefore/dueAfter: "
            + "deadline strictly before/after the day (ongoing tasks never match); search: a substring of the title. "
            + "Default order: document order (NUMBER).")
    public Uni<@NonNull TaskConnection> tasks(@Id String orgId, String orgCode, @DefaultValue("false") boolean includeSubOrgs,
            TaskRole role, @Id String planId, Health health, @Nullable List<@NonNull TaskStatus> status, LocalDate dueBefore,
            LocalDate dueAfter, String search, TaskSort sortBy, SortOrder order, Integer first, String after) {
        UUID org = orgId == null ? null : Ids.parse("orgId", orgId);
        UUID plan = planId == null ? null : Ids.parse("planId", planId);
        String term = TextSearch.term("search", search);
        Cursor.After start = Cursor.after(after);
        int size = Cursor.pageSize(first);
        TaskQuery.SortKey key = TaskQuery.SortKey.parse(start.key());
        boolean counted = Selections.totalCount(context);
        return reads.orgFilter(org, orgCode, includeSubOrgs)
                .chain(orgs -> reads.list(TaskQuery.builder().plans(plan == null ? null : Set.of(plan)).orgs(orgs, role)
                        .health(health).statuses(status).due(dueBefore, dueAfter).search(term).sort(sortBy, order)
                        .page(start.offset(), size, key).counted(counted).build()))
                .map(page -> TaskConnection.of(page, start.offset(), sortBy));
    }

    @Query
    @Description("我的任务, the inbox: tasks the caller's organizations (and those they act for) lead or cooperate on "
            + "(role), with each task's reportDue and returned flags, filtered by them, health and search. Default "
            + "order: most urgent first (HEALTH), then by id.")
    public Uni<@NonNull MyTaskConnection> myTasks(TaskRole role, Health health, Boolean reportDue, Boolean returned,
            String search, TaskSort sortBy, SortOrder order, Integer first, String after) {
        String term = TextSearch.term("search", search);
        Cursor.After start = Cursor.after(after);
        int size = Cursor.pageSize(first);
        TaskQuery.SortKey key = TaskQuery.SortKey.parse(start.key());
        TaskSort sort = sortBy == null ? TaskSort.HEALTH : sortBy;
        boolean counted = Selections.totalCount(context);
        return permissions.reportingOrgs()
                .chain(mine -> reads.list(TaskQuery.builder().orgs(mine, role).health(health).search(term)
                        .inbox(mine, reportDue, returned).sort(sort, order).page(start.offset(), size, key).counted(counted).build())
                        .chain(page -> periods.missed(page.items().stream().map(TaskPage.Listed::task).toList(), mine)
                                .map(missed -> MyTaskConnection.of(page, start.offset(), sort, missed))));
    }

    @Query
    @Description("Supervision dashboard (督查): per lead organization, its tasks by health, most red first; "
            + "of one plan, or across all plans when planId is not given. The whole list at once: across a province's "
            + "plans one row per lead organization (5,005 at 100,000 tasks: 0.85 MB, about 0.3 s to answer); a screen "
            + "reads healthCountPage.")
    public Uni<@NonNull List<@NonNull OrgHealthCount>> healthCounts(@Id String planId) {
        UUID plan = planId == null ? null : Ids.parse("planId", planId);
        return reads.healthCounts(plan).map(rows -> rows.stream().map(OrgHealthCount::of).toList());
    }

    @Query
    @Description("The supervision dashboard (督查看板) page by page: healthCounts' rows in its order (most red first, then "
            + "most yellow, then by organization id), of one plan or across all plans, with how many organizations there "
            + "are and their sums. first: default 20, at most 500.")
    public Uni<@NonNull OrgHealthCountConnection> healthCountPage(@Id String planId, Integer first, String after) {
        UUID plan = planId == null ? null : Ids.parse("planId", planId);
        Cursor.After start = Cursor.after(after);
        int size = first == null ? DASHBOARD_PAGE_SIZE : Cursor.pageSize(first);
        return reads.healthCountPage(plan, HealthCountPage.Key.parse(start.key()), start.offset(), size)
                .map(page -> OrgHealthCountConnection.of(page, start.offset()));
    }

    /** A page of the dashboard: 20 organizations, a chart a supervisor can read at a glance. */
    private static final int DASHBOARD_PAGE_SIZE = 20;

    @Mutation
    @Description("Adds a task to a plan (admin, or a planner of the issuing organization or one above it).")
    public Uni<@NonNull TaskView> createTask(@NonNull @Id String planId, @NonNull @Name("input") NewTask input) {
        return service.create(Ids.parse("planId", planId), input).chain(task -> reads.findById(task.id)).map(TaskView::of);
    }

    @Mutation
    @Description("Changes a task; `version` is the one you read (another is CONFLICT). Status: the lead side; "
            + "deadline, organizations and the reporting cadence: the plan's planners. `reportCadence` sets the task's own "
            + "cadence; `reportCadenceFromPlan: true` goes back to the plan's.")
    public Uni<@NonNull TaskView> updateTask(@NonNull @Id String id, int version, TaskStatus status, LocalDate deadline,
            @Nullable List<@NonNull String> leadOrgIds, @Nullable List<@NonNull String> cooperatingOrgIds,
            ReportCadence reportCadence, @DefaultValue("false") boolean reportCadenceFromPlan) {
        // [String!] rather than the sketch's [ID!]: SmallRye 2.17 fails to convert an @Id list argument (an @Id list
        // works only inside an input type, as in TaskInput). A client sends the same id strings.
        return service.update(Ids.parse("id", id), version, status, deadline, leadOrgIds, cooperatingOrgIds, reportCadence,
                reportCadenceFromPlan)
                .chain(task -> reads.findById(task.id)).map(TaskView::of);
    }

    /** Federation entity lookup: every Task representation of a request in one call. */
    @Resolver
    public Uni<List<TaskView>> tasksById(@Name("id") List<String> ids) {
        return reads.findByIds(ids.stream().map(Ids::parseOrNull).toList())
                .map(found -> found.stream().map(TaskView::of).toList());
    }

    public Uni<List<@NonNull PlanView>> plan(@Source List<TaskView> tasks) {
        return plans.findByIds(tasks.stream().map(TaskView::planId).distinct().toList()).map(found -> {
            Map<UUID, Plan> byId = found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
            return tasks.stream().map(t -> PlanView.of(byId.get(t.planId()))).toList();
        });
    }

    @Description("牵头单位, in the document's order; the first is the convener. Null (with an error) only while "
            + "org-service cannot be reached, so that the task itself still answers.")
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

    @Description("报送情况: for each responsible organization (orgId: only that one; leads first) the `last` periods "
            + "(default 4, 1–60) of the task's cadence up to the current one, from the task's start (the plan's issue date, "
            + "else the task's creation) and at most to the one holding its deadline or its plan's last day, oldest first.")
    public Uni<List<@NonNull List<@NonNull ReportingPeriodView>>> reportingPeriods(@Source List<TaskView> tasks, @Id String orgId,
            @DefaultValue("4") int last) {
        if (last < 1 || last > 60) {
            throw new BadUserInputException("last: must be between 1 and 60, was " + last);
        }
        UUID org = orgId == null ? null : Ids.parse("orgId", orgId);
        List<ReportingPeriods.Subject> subjects = tasks.stream().filter(t -> t.id() != null)
                .map(t -> new ReportingPeriods.Subject(t.id(), t.cycle(), t.reportingSince())).toList();
        return periods.of(subjects, org, last).map(byTask -> tasks.stream()
                .map(t -> byTask.getOrDefault(t.id(), List.of()).stream().map(ReportingPeriodView::of).toList()).toList());
    }

    @Description("Healthy or not, and why: the rule that decided the task's health, with the day and number behind it.")
    @NonNull
    public HealthReasonView healthReason(@Source TaskView task) {
        return HealthReasonView.of(task.verdict());
    }

    @Description("Every audited change of the task, newest first: who, when, what (CREATE, UPDATE) and the fields changed.")
    public Uni<List<@NonNull List<@NonNull HistoryEntry>>> history(@Source List<TaskView> tasks) {
        return audit.history("Task", ids(tasks))
                .map(byTask -> tasks.stream().map(t -> byTask.getOrDefault(t.id(), List.of())).toList());
    }

    @Description("Who changed the task last (its creator until someone else changes it).")
    public Uni<List<String>> updatedBy(@Source List<TaskView> tasks) {
        return audit.lastActors("Task", ids(tasks)).map(actors -> tasks.stream().map(t -> actors.get(t.id())).toList());
    }

    /** Contributed to org-service's Organization: one query for every organization of the request. */
    @Name("tasks")
    @Description("Tasks this organization (or a body it replaced) leads or cooperates on (role), of one health, sorted "
            + "(default: document order) and paged. Null (with an error) only while plan-service cannot be reached.")
    public Uni<List<@NonNull TaskConnection>> organizationTasks(@Source List<OrganizationRef> orgs,
            @DefaultValue("ANY") TaskRole role, Health health, TaskSort sortBy, SortOrder order, Integer first, String after) {
        Cursor.After start = Cursor.after(after);
        int size = Cursor.pageSize(first);
        TaskQuery.SortKey key = TaskQuery.SortKey.parse(start.key());
        boolean counted = Selections.totalCount(context);
        // One list per organization: a request names one, or a few, each paged on its own.
        return Uni.join().all(orgs.stream().map(o -> reads.orgFilter(o.id(), null, false)
                .chain(ids -> reads.list(TaskQuery.builder().orgs(ids, role).health(health).sort(sortBy, order)
                        .page(start.offset(), size, key).counted(counted).build()))
                .map(page -> TaskConnection.of(page, start.offset(), sortBy))).toList()).andFailFast();
    }

    private Uni<List<List<OrganizationRef>>> orgs(List<TaskView> tasks, TaskRole role) {
        return orgsOf(ids(tasks)).map(byTask -> tasks.stream()
                .map(t -> byTask.getOrDefault(t.id(), List.of()).stream().filter(o -> o.role == role)
                        .sorted(Comparator.comparingInt((TaskOrg o) -> o.position))
                        .map(o -> OrganizationRef.of(o.orgId)).toList())
                .toList());
    }

    /**
     * The organizations of these tasks, read once per request for {@code leadOrgs} and {@code cooperatingOrgs} together:
     * both fields of a list's tasks are batched over the same tasks, and each read task_org on a session of its own.
     */
    private Uni<Map<UUID, List<TaskOrg>>> orgsOf(List<UUID> taskIds) {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        if (env == null) {
            return reads.orgsOf(taskIds);
        }
        return env.getGraphQlContext().computeIfAbsent(new OrgsOfTasks(Set.copyOf(taskIds)),
                key -> reads.orgsOf(taskIds).memoize().indefinitely());
    }

    /** The key of {@link #orgsOf}'s read in the request's GraphQL context. */
    private record OrgsOfTasks(Set<UUID> taskIds) {
    }

    private static List<UUID> ids(List<TaskView> tasks) {
        return tasks.stream().map(TaskView::id).filter(Objects::nonNull).distinct().toList();
    }
}
