package gov.planning.plan.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

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
import gov.planning.plan.entity.PlanKind;
import gov.planning.plan.service.PlanFilter;
import gov.planning.plan.service.PlanSort;
import gov.planning.plan.service.TaskPage;
import gov.planning.plan.service.TaskQuery;
import gov.planning.plan.service.TaskSort;
import gov.planning.plan.entity.TaskStatus;
import io.smallrye.graphql.api.Nullable;
import gov.planning.orgref.OrganizationRef;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.entity.PlanStatus;
import gov.planning.plan.service.NewPlan;
import gov.planning.plan.service.PlanService;
import gov.planning.plan.service.AssessedTask;
import gov.planning.plan.outline.NewSection;
import gov.planning.plan.outline.OutlineService;
import gov.planning.plan.service.TaskReads;
import gov.planning.plan.entity.Health;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = { @Import(name = "@key"), @Import(name = "@shareable") })
public class PlanApi {

    @Inject
    PlanService service;

    @Inject
    OutlineService outlines;

    @Inject
    TaskReads reads;

    @Inject
    AuditReads audit;

    @Query
    @Description("One plan by id.")
    public Uni<PlanView> plan(@NonNull @Id String id) {
        UUID uuid = Ids.parseOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem() : service.findById(uuid).map(PlanView::of);
    }

    @Query
    @Description("Plans, filtered (status, kind, issuer, search: a substring of the title or the document number; "
            + "periodFrom/periodTo: plans whose period (规划期) overlaps these years, both included: periodFrom: 2026, "
            + "periodTo: 2026 lists the plans in force in 2026; a plan without a period matches no period filter), "
            + "sorted (default: newest issued first) and paged.")
    public Uni<@NonNull PlanConnection> plans(PlanStatus status, PlanKind kind, @Id String issuerId, String search,
            Integer periodFrom, Integer periodTo, PlanSort sortBy, SortOrder order, Integer first, String after) {
        int offset = Cursor.offsetAfter(after);
        return service.page(new PlanFilter(status, kind, issuerId == null ? null : Ids.parse("issuerId", issuerId),
                TextSearch.term("search", search), PlanFilter.years(periodFrom, periodTo)),
                sortBy, order, offset, Cursor.pageSize(first)).map(page -> PlanConnection.of(page, offset));
    }

    @Mutation
    @Description("Creates a DRAFT plan (admin, or a planner).")
    public Uni<@NonNull PlanView> createPlan(@NonNull @Name("input") NewPlan input) {
        return service.create(input).map(PlanView::of);
    }

    /** Federation entity lookup: every Plan representation of a request in one call and one SQL query. */
    @Resolver
    public Uni<List<PlanView>> plansById(@Name("id") List<String> ids) {
        List<UUID> uuids = ids.stream().map(Ids::parseOrNull).toList();
        return service.findByIds(uuids.stream().filter(Objects::nonNull).toList()).map(found -> {
            Map<UUID, Plan> byId = found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
            return uuids.stream().map(id -> id == null ? null : PlanView.of(byId.get(id))).toList();
        });
    }

    @Mutation
    @Description("Changes a plan's reporting cycle (报送周期): cadence, the due day (1–28) of a period's last month, and "
            + "the grace days a late report is still accepted after it; what is not given stays. Same rule as editing the plan.")
    public Uni<@NonNull PlanView> updatePlanReporting(@NonNull @Id String id, ReportCadence reportCadence, Integer reportDueDay,
            Integer reportGraceDays) {
        return service.updateReporting(Ids.parse("id", id), reportCadence, reportDueDay, reportGraceDays).map(PlanView::of);
    }

    @Mutation
    @Description("DRAFT → PUBLISHED (admin, or a planner of the issuing organization or one above it).")
    public Uni<@NonNull PlanView> publishPlan(@NonNull @Id String id) {
        return service.publish(Ids.parse("id", id)).map(PlanView::of);
    }

    @Mutation
    @Description("Adds an outline node (章 / 节 / 一、…) under `input.parentId`, or at the top.")
    public Uni<@NonNull SectionView> createSection(@NonNull @Id String planId, @NonNull @Name("input") NewSection input) {
        return outlines.createSection(Ids.parse("planId", planId), input)
                .map(s -> new SectionView(s.id, s.number, s.heading, s.level, List.of()));
    }

    @Description("The outline: top-level sections with their children.")
    @NonNull
    public Uni<List<@NonNull List<@NonNull SectionView>>> outline(@Source List<PlanView> plans) {
        return reads.sectionsOf(plans.stream().map(PlanView::id).distinct().toList())
                .map(byPlan -> plans.stream().map(p -> SectionView.tree(byPlan.getOrDefault(p.id(), List.of()))).toList());
    }

    @Name("tasks")
    @Description("The plan's tasks, filtered, sorted (default: document order) and paged like the root `tasks`.")
    @NonNull
    public Uni<List<@NonNull TaskConnection>> planTasks(@Source List<PlanView> plans, Health health,
            @Nullable List<@NonNull TaskStatus> status, String search, TaskSort sortBy, SortOrder order, Integer first, String after) {
        String term = TextSearch.term("search", search);
        Cursor.After start = Cursor.after(after);
        int offset = start.offset();
        int size = Cursor.pageSize(first);
        // Keyset in every order: the cursor's task's plan continues after it, the request's other plans page by the offset.
        TaskQuery.SortKey key = TaskQuery.SortKey.parse(start.key());
        // Every plan of the request (one, or a plan list's page) paged and counted on its own, in one statement.
        Set<UUID> ids = plans.stream().map(PlanView::id).collect(Collectors.toSet());
        return reads.listPerPlan(TaskQuery.builder().plans(ids).health(health).statuses(status).search(term).sort(sortBy, order)
                        .page(offset, size, key).build())
                .map(pages -> plans.stream().map(p -> TaskConnection.of(pages.getOrDefault(p.id(), new TaskPage(List.of(), 0)),
                        offset, sortBy)).toList());
    }

    /** Section.tasks for every section of the request at once. */
    public Uni<List<@NonNull List<@NonNull TaskView>>> tasks(@Source List<SectionView> sections) {
        return reads.ofSections(sections.stream().map(SectionView::id).distinct().toList())
                .map(bySection -> sections.stream()
                        .map(s -> bySection.getOrDefault(s.id(), List.<AssessedTask>of()).stream().map(TaskView::of).toList()).toList());
    }

    @Description("Every audited change of the plan, newest first: who, when, what (CREATE, PUBLISH, IMPORT) and the fields changed.")
    public Uni<List<@NonNull List<@NonNull HistoryEntry>>> history(@Source List<PlanView> plans) {
        return audit.history("Plan", plans.stream().map(PlanView::id).distinct().toList())
                .map(byPlan -> plans.stream().map(p -> byPlan.getOrDefault(p.id(), List.of())).toList());
    }

    @Description("Who changed the plan last (its creator until someone else changes it).")
    public Uni<List<String>> updatedBy(@Source List<PlanView> plans) {
        return audit.lastActors("Plan", plans.stream().map(PlanView::id).distinct().toList())
                .map(actors -> plans.stream().map(p -> actors.get(p.id())).toList());
    }

    @Description("The issuing organization (发文机关), resolved by org-service.")
    public OrganizationRef issuer(@Source PlanView plan) {
        return OrganizationRef.of(plan.issuerId());
    }
}
