package gov.planning.plan.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.plan.cycle.ReportingCycle;
import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.Milestone;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.ProgressReport;
import gov.planning.plan.entity.Section;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.orgclient.OrganizationTree;
import gov.planning.plan.repository.HiddenPlans;
import gov.planning.common.persistence.ReadSessions;
import gov.planning.common.persistence.SqlRows;
import gov.planning.plan.repository.EntityRows;
import org.hibernate.reactive.mutiny.Mutiny;
import io.smallrye.mutiny.Uni;

/**
 * Everything read about tasks, each a fixed number of SQL queries for any number of tasks (the GraphQL field
 * resolvers are batched). Health is never stored: lists filter, sort and count on it in SQL ({@link TaskListSql}), and
 * the tasks shown are assessed for "today" by {@link HealthRule}, which also says why.
 */
@ApplicationScoped
public class TaskReads {

    @Inject
    ReadSessions sessions;

    @Inject
    SqlRows db;

    @Inject
    Clock clock;

    @Inject
    OrganizationTree organizations;

    private <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.read(work);
    }

    private static <T> Uni<List<T>> list(Mutiny.Session s, Class<T> type, String hql, Object... params) {
        var query = s.createQuery(hql, type);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Uni<AssessedTask> findById(UUID id) {
        return assessIds(List.of(id)).map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** In the order of {@code ids}; null where nothing has that id. */
    public Uni<List<AssessedTask>> findByIds(List<UUID> ids) {
        List<UUID> known = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (known.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(id -> (AssessedTask) null).toList());
        }
        return assessIds(known).map(assessed -> {
            Map<UUID, AssessedTask> byId = assessed.stream().collect(Collectors.toMap(a -> a.task().id, Function.identity()));
            return ids.stream().map(id -> id == null ? null : byId.get(id)).toList();
        });
    }

    /** The tasks of shown plans with these ids, in no order, without their assessment: one statement. */
    public Uni<List<Task>> findUnassessedByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.list("SELECT t.* FROM task t " + HiddenPlans.JOIN_SHOWN_PLAN + " WHERE t.id = ANY(:ids)", Map.of("ids", uuidArray(ids)),
                EntityRows::task);
    }

    /** The tasks of each section, in document order. */
    public Uni<Map<UUID, List<AssessedTask>>> ofSections(Collection<UUID> sectionIds) {
        if (sectionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.list("SELECT t.id FROM task t WHERE t.section_id = ANY(:sections)", Map.of("sections", uuidArray(sectionIds)),
                row -> row.getUUID(0)).chain(this::assessIds)
                .map(all -> all.stream().sorted(Comparator.comparingInt(a -> a.task().position))
                        .collect(Collectors.groupingBy(a -> a.task().sectionId)));
    }

    /**
     * One page of a task list, filtered, sorted, counted and paged in SQL (two statements; one when the query is not
     * {@link TaskQuery#counted}), then the page's tasks assessed ({@link #assessIds}: three more at once, for the page
     * only).
     */
    public Uni<TaskPage> list(TaskQuery query) {
        if ((query.orgIds() != null && query.orgIds().isEmpty()) || (query.mine() != null && query.mine().isEmpty())) {
            return Uni.createFrom().item(new TaskPage(List.of(), 0));
        }
        TaskListSql sql = new TaskListSql(query, today(), clock.getZone());
        // The count on a session of its own, at the same time as the page: an exact count reads the whole list (a
        // province's red tasks: 20,000 rows, most of a list's time), the page and its tasks only what it shows.
        boolean fromSnapshot = sql.countsFromSnapshot();
        boolean orgsFromSnapshot = sql.orgsCountsFromSnapshot();
        String countSql = fromSnapshot ? sql.countFromSnapshot() : orgsFromSnapshot ? sql.orgsCountFromSnapshot() : sql.count();
        // Not counted: no total at all (0), the page tells whether another follows by reading one row more.
        Uni<Long> count = !query.counted() ? Uni.createFrom().item(0L)
                : db.rows(countSql, fromSnapshot || orgsFromSnapshot ? sql.countFromSnapshotParams() : sql.countParams())
                        .map(rows -> ((Number) rows.get(0)).longValue());
        Uni<TaskPage> page = pageRows(sql).chain(read -> {
            Boolean more = sql.peeks() ? read.size() > query.limit() : null;
            List<Object> rows = read.subList(0, Math.min(read.size(), query.limit()));
            List<UUID> ids = rows.stream().map(r -> (UUID) ((Object[]) r)[0]).toList();
            return assessIds(ids).map(assessed -> {
                Map<UUID, AssessedTask> byId = assessed.stream().collect(Collectors.toMap(a -> a.task().id, Function.identity()));
                List<TaskPage.Listed> items = rows.stream().map(r -> (Object[]) r)
                        .map(r -> new TaskPage.Listed(byId.get((UUID) r[0]), (Boolean) r[1], (Boolean) r[2])).toList();
                return new TaskPage(items, 0, more);
            });
        });
        return Uni.combine().all().unis(page, count).with((listed, total) -> new TaskPage(listed.items(), total, listed.more()));
    }

    /**
     * The page's rows (id, inbox flags): the inbox's from today's snapshot when it can answer
     * ({@link TaskListSql#pageFromSnapshot}), a list of one colour from the snapshot's candidates when they are few
     * ({@link TaskListSql#candidates}: one statement more), else, or when there is no snapshot of today, live.
     */
    private Uni<List<Object>> pageRows(TaskListSql sql) {
        if (sql.pagesFromCandidates()) {
            return db.rows(sql.candidates(), sql.countFromSnapshotParams()).chain(rows -> rows.get(0) == null
                    ? db.rows(sql.page(), sql.pageParams())
                    : db.rows(sql.pageOfCandidates(), sql.pageOfCandidatesParams((String) rows.get(0))));
        }
        if (!sql.pagesFromSnapshot()) {
            return db.rows(sql.page(), sql.pageParams());
        }
        return db.rows(sql.pageFromSnapshot(), sql.pageParams())
                .chain(rows -> rows.size() == 1 && ((Object[]) rows.get(0))[0] == null ? db.rows(sql.page(), sql.pageParams())
                        : Uni.createFrom().item(rows));
    }

    /**
     * The same list for each of {@code query}'s plans, each paged and counted on its own (a plan list's page with
     * {@code tasks { totalCount }}): one statement for every plan's page and count, then the pages' tasks assessed
     * together ({@link #assessIds}: three more at once, none when no task is shown). Plans without a task in the list
     * are absent from the map.
     */
    public Uni<Map<UUID, TaskPage>> listPerPlan(TaskQuery query) {
        if (query.planIds() == null || query.planIds().isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        TaskListSql sql = new TaskListSql(query, today(), clock.getZone());
        return db.rows(sql.pagesPerPlan(), sql.pageParams()).chain(rows -> {
            Map<UUID, Long> totals = new HashMap<>();
            Map<UUID, Long> skipped = new HashMap<>();
            Map<UUID, List<Object[]>> shown = new java.util.LinkedHashMap<>();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                UUID plan = (UUID) r[0];
                totals.put(plan, ((Number) r[5]).longValue());
                long n = ((Number) r[4]).longValue();
                long skip = ((Number) r[6]).longValue();
                skipped.put(plan, skip);
                List<Object[]> page = shown.computeIfAbsent(plan, p -> new java.util.ArrayList<>());
                if (n > skip && n <= skip + query.limit()) {
                    page.add(r);
                }
            }
            List<UUID> ids = shown.values().stream().flatMap(List::stream).map(r -> (UUID) r[1]).toList();
            return assessIds(ids).map(assessed -> {
                Map<UUID, AssessedTask> byId = assessed.stream().collect(Collectors.toMap(a -> a.task().id, Function.identity()));
                Map<UUID, TaskPage> pages = new HashMap<>();
                shown.forEach((plan, page) -> pages.put(plan, new TaskPage(page.stream()
                        .map(r -> new TaskPage.Listed(byId.get((UUID) r[1]), (Boolean) r[2], (Boolean) r[3])).toList(), totals.get(plan),
                        skipped.get(plan) + page.size() < totals.get(plan))));
                return pages;
            });
        });
    }

    /**
     * The organizations a task list's organization filter stands for: {@code orgId} with its predecessors (a reform
     * hands the work over: 国土资源厅's tasks are 自然资源厅's); {@code orgCode} with its predecessors and, with {@code includeSubOrgs}, every organization
     * below it. Null when neither is given (no filter); empty for an unknown code.
     */
    public Uni<Set<UUID>> orgFilter(UUID orgId, String orgCode, boolean includeSubOrgs) {
        if (orgId == null && orgCode == null) {
            return Uni.createFrom().nullItem();
        }
        Uni<Set<UUID>> named = orgCode == null ? Uni.createFrom().item(Set.of(orgId))
                : organizations.scopeOf(List.of(orgCode)).map(scope -> {
                    Set<UUID> ids = new HashSet<>(includeSubOrgs ? scope.ownAndBelow() : scope.own());
                    if (orgId != null) {
                        ids.retainAll(Set.of(orgId));
                    }
                    return ids;
                });
        return named.chain(ids -> ids.isEmpty() ? Uni.createFrom().item(Set.<UUID>of())
                : organizations.predecessorsOf(ids).map(predecessors -> {
                    Set<UUID> all = new HashSet<>(ids);
                    predecessors.values().forEach(all::addAll);
                    return all;
                }));
    }

    /**
     * The approval queue: SUBMITTED reports on tasks led by one of {@code leads} (null: every task), oldest first. The
     * count first, from {@code approval_backlog} (V12, docs/decisions/0011): when the scope holds every organization that
     * leads a task with a submitted report (a province planner, an admin), the backlog's sum is the count and the page
     * needs no organization filter. Which it is, is read from the backlog's leads (5,000 ids at a province's scale)
     * without sending the scope (a province's 20,000); a scope found to miss one ({@link #partialScopes}) goes with the
     * count from then on, which counts its own reports. A report is counted once however many of its task's leads are in
     * the scope. Two statements (the count, the page's reports), one when {@code limit} is 0 (the badge); one more when a
     * scope turns out to miss a lead or to hold them all again.
     */
    public Uni<ReportPage> approvalQueue(Set<UUID> leads, int offset, int limit) {
        if (leads != null && leads.isEmpty()) {
            return Uni.createFrom().item(new ReportPage(List.of(), 0));
        }
        Integer scopeKey = leads == null ? null : leads.hashCode() * 31 + leads.size();
        return approvalCount(leads, scopeKey).chain(count -> {
            if (limit == 0) {
                return Uni.createFrom().item(new ReportPage(List.of(), count.total()));
            }
            // an admin's queue holds the reports of tasks without a lead too; a planner's only those with a lead
            String page = "SELECT r.*" + SUBMITTED + (leads == null ? "" : count.everything() ? ANY_LEAD : SCOPE_LEAD)
                    + " ORDER BY r.reported_at, r.id LIMIT " + limit + " OFFSET " + offset;
            return read(s -> {
                var query = s.createNativeQuery(page, ProgressReport.class);
                if (!count.everything()) {
                    query.setParameter("leads", TaskListSql.idArray(leads));
                }
                return query.getResultList();
            }).map(reports -> new ReportPage(reports, count.total()));
        });
    }

    private static final String SUBMITTED = " FROM progress_report r JOIN task t ON t.id = r.task_id " + HiddenPlans.JOIN_SHOWN_PLAN
            + " WHERE r.status = 'SUBMITTED'";
    private static final String ANY_LEAD = " AND EXISTS (SELECT 1 FROM task_org o WHERE o.task_id = r.task_id AND o.role = 'LEAD')";
    private static final String SCOPE_LEAD = leadIn(TaskListSql.idsOf("leads"));

    /** Reports on tasks led by one of the organizations the subquery {@code ids} yields. */
    private static String leadIn(String ids) {
        return " AND r.task_id IN (SELECT o.task_id FROM task_org o WHERE o.role = 'LEAD' AND o.org_id IN " + ids + ")";
    }

    /**
     * Scopes (by hash and size) whose last count found a lead with a backlog outside them: a prefecture's, a department's.
     * Their count sends the scope at once, one statement, instead of first reading the backlog's leads. A stale or
     * colliding entry only picks the slower of two exact counts; at most one entry per organization and role.
     */
    private final Set<Integer> partialScopes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private record ApprovalCount(long total, boolean everything) {
    }

    private Uni<ApprovalCount> approvalCount(Set<UUID> leads, Integer scopeKey) {
        if (leads == null) {
            // every submitted report, those of tasks without a lead (under NO_LEAD) too
            return db.rows("SELECT coalesce(sum(b.first_reports), 0) FROM approval_backlog b", Map.of())
                    .map(rows -> new ApprovalCount(((Number) rows.get(0)).longValue(), true));
        }
        if (partialScopes.contains(scopeKey)) {
            // The backlog's sum when no organization outside the scope has one (bool_and of no rows: no backlog at all),
            // else the scope's own reports.
            String count = "WITH scope AS MATERIALIZED " + TaskListSql.idsOf("leads") + " SELECT CASE WHEN c.everything THEN c.total"
                    + " ELSE (SELECT count(*)" + SUBMITTED + leadIn("(SELECT s.id FROM scope s)") + ") END, c.everything"
                    + " FROM (SELECT coalesce(sum(b.first_reports) FILTER (WHERE b.org_id <> " + NO_LEAD + "), 0) AS total,"
                    + " bool_and(b.reports = 0 OR b.org_id = " + NO_LEAD + " OR b.org_id IN (SELECT s.id FROM scope s)) IS NOT FALSE AS everything"
                    + " FROM approval_backlog b) c";
            return db.rows(count, Map.of("leads", TaskListSql.idArray(leads))).map(rows -> {
                Object[] row = (Object[]) rows.get(0);
                boolean everything = (Boolean) row[1];
                if (everything) {
                    partialScopes.remove(scopeKey);
                }
                return new ApprovalCount(((Number) row[0]).longValue(), everything);
            });
        }
        // The leads with a backlog as one bytea of their 16-byte ids, which the driver hands over as it is.
        String backlog = "SELECT coalesce(sum(b.first_reports) FILTER (WHERE b.org_id <> " + NO_LEAD + "), 0),"
                + " string_agg(uuid_send(b.org_id), ''::bytea) FILTER (WHERE b.reports > 0 AND b.org_id <> " + NO_LEAD + ")"
                + " FROM approval_backlog b";
        return db.rows(backlog, Map.of()).chain(rows -> {
            Object[] row = (Object[]) rows.get(0);
            if (leads.containsAll(uuids(row[1]))) {
                return Uni.createFrom().item(new ApprovalCount(((Number) row[0]).longValue(), true));
            }
            partialScopes.add(scopeKey);
            return db.rows("SELECT count(*)" + SUBMITTED + SCOPE_LEAD, Map.of("leads", TaskListSql.idArray(leads)))
                    .map(counted -> new ApprovalCount(((Number) counted.get(0)).longValue(), false));
        });
    }

    /** The ids of a {@code string_agg(uuid_send(id), ''::bytea)} column (null: none). */
    private static List<UUID> uuids(Object bytes) {
        if (bytes == null) {
            return List.of();
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap((byte[]) bytes);
        List<UUID> ids = new java.util.ArrayList<>(buffer.remaining() / 16);
        while (buffer.remaining() >= 16) {
            ids.add(new UUID(buffer.getLong(), buffer.getLong()));
        }
        return ids;
    }

    /** {@code approval_backlog}'s row for the reports of tasks without a lead (V12). */
    private static final String NO_LEAD = "'00000000-0000-0000-0000-000000000000'::uuid";

    /** One page of reports and how many the whole list has. */
    public record ReportPage(List<ProgressReport> items, long total) {
    }

    /** Tasks of published plans overdue today ({@link TaskListSql#overdueInPublishedPlans}), for the ops gauge. */
    public Uni<Long> overdueInPublishedPlans() {
        TaskListSql sql = new TaskListSql(TaskQuery.builder().build(), today(), clock.getZone());
        return db.rows(sql.overdueInPublishedPlans(), sql.params()).map(rows -> ((Number) rows.get(0)).longValue());
    }

    /**
     * The supervision dashboard: per lead organization (every lead counts, not only the convener), health counts,
     * aggregated in SQL from today's health snapshot and the tasks written since ({@link HealthSnapshots}; live when
     * there is none yet). A task led by an organization a reform replaced counts for its successor today (once, if
     * both lead it): the leads are read first, their successors asked of org-service, then the counts grouped.
     */
    public Uni<List<OrgHealth>> healthCounts(UUID planId) {
        TaskListSql sql = dashboardSql(planId);
        return heirsOfLeads(sql)
                .chain(heirs -> db.rows(sql.healthCountsByLead(heirs), sql.params()))
                .map(rows -> {
                    Map<UUID, int[]> counts = new HashMap<>();
                    for (Object row : rows) {
                        Object[] r = (Object[]) row;
                        counts.computeIfAbsent((UUID) r[0], k -> new int[Health.values().length])[Health.valueOf((String) r[1]).ordinal()]
                                += ((Number) r[2]).intValue();
                    }
                    return counts.entrySet().stream()
                            .map(e -> new OrgHealth(e.getKey(), e.getValue()[Health.GREEN.ordinal()], e.getValue()[Health.YELLOW.ordinal()],
                                    e.getValue()[Health.RED.ordinal()], e.getValue()[Health.DONE.ordinal()]))
                            .sorted(Comparator.comparingInt(OrgHealth::red).reversed()
                                    .thenComparing(Comparator.comparingInt(OrgHealth::yellow).reversed())
                                    .thenComparing(o -> o.orgId().toString()))
                            .toList();
                });
    }

    /**
     * The supervision dashboard one page at a time ({@link #healthCounts}' rows in its order): the page's organizations,
     * how many there are and their sums, grouped, counted and cut in SQL (docs/decisions/0015). Two statements (the
     * leads, then the page with the sums), whatever the number of organizations; {@code after} (null: none) seeks, else
     * the page skips {@code offset} rows. Over all plans the page walks today's per-organization rows (docs/decisions/0020);
     * before today's snapshot is built, a third statement groups every organization's counts.
     */
    public Uni<HealthCountPage> healthCountPage(UUID planId, HealthCountPage.Key after, int offset, int limit) {
        TaskListSql sql = dashboardSql(planId);
        Map<String, Object> params = new HashMap<>(sql.params());
        if (after != null) {
            params.put("afterRed", after.red());
            params.put("afterYellow", after.yellow());
            params.put("afterOrg", after.org().toString());
        }
        return heirsOfLeads(sql)
                .chain(heirs -> (planId != null ? Uni.createFrom().item(List.<Object>of())
                        : db.rows(sql.healthCountPageFromRows(heirs, after != null, offset, limit), params))
                        .chain(rows -> !rows.isEmpty() ? Uni.createFrom().item(rows)
                                : db.rows(sql.healthCountPage(heirs, after != null, offset, limit), params)))
                .map(rows -> {
                    Object[] first = (Object[]) rows.get(0);
                    List<OrgHealth> items = rows.stream().map(Object[].class::cast).filter(r -> r[0] != null)
                            .map(r -> new OrgHealth((UUID) r[0], number(r[1]), number(r[2]), number(r[3]), number(r[4]))).toList();
                    return new HealthCountPage(items.subList(0, Math.min(limit, items.size())), number(first[5]),
                            new HealthCountPage.Sum(number(first[6]), number(first[7]), number(first[8]), number(first[9])),
                            items.size() > limit);
                });
    }

    /** The dashboard's tasks for today: of one plan, or of every plan when {@code planId} is null. */
    private TaskListSql dashboardSql(UUID planId) {
        return new TaskListSql(TaskQuery.builder().plans(planId == null ? null : Set.of(planId)).build(), today(), clock.getZone());
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    /** Today's successor of every organization that leads a task of {@code sql}'s plans and was replaced in a reform. */
    private Uni<Map<UUID, UUID>> heirsOfLeads(TaskListSql sql) {
        return db.rows(sql.leads(), sql.leadParams())
                .chain(leads -> organizations.currentSuccessorOf(leads.stream().map(UUID.class::cast).collect(Collectors.toSet())));
    }

    /** Lead and cooperating organizations of each task, in their listed order. */
    public Uni<Map<UUID, List<TaskOrg>>> orgsOf(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.list("SELECT * FROM task_org WHERE task_id = ANY(:tasks) ORDER BY position", Map.of("tasks", uuidArray(taskIds)),
                EntityRows::taskOrg).map(found -> found.stream().collect(Collectors.groupingBy(o -> o.taskId)));
    }

    public Uni<Map<UUID, List<Milestone>>> milestonesOf(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.list("SELECT * FROM milestone WHERE task_id = ANY(:tasks) ORDER BY position", Map.of("tasks", uuidArray(taskIds)),
                EntityRows::milestone).map(found -> found.stream().collect(Collectors.groupingBy(m -> m.taskId)));
    }

    /** Newest first. */
    public Uni<Map<UUID, List<ProgressReport>>> reportsOf(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return read(s -> list(s, ProgressReport.class, "from ProgressReport where taskId in ?1 order by reportedAt desc", taskIds))
                .map(found -> found.stream().collect(Collectors.groupingBy(r -> r.taskId)));
    }

    /** The outline nodes of each plan, parents before children. */
    public Uni<Map<UUID, List<Section>>> sectionsOf(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return read(s -> list(s, Section.class, "from Section where planId in ?1 order by level, position", planIds))
                .map(found -> found.stream().collect(Collectors.groupingBy(sec -> sec.planId)));
    }

    /**
     * Of the reports only the latest and the latest percent count (HealthRule), aggregated in SQL from the reports
     * themselves (not task_facts, which the lists read: the two stay independent and tests compare them) rather than
     * every report loaded as an entity (a page of 50 tasks: 600 reports at the bench's size).
     */
    private static final String LATEST_REPORTS = "SELECT r.task_id, max(r.reported_at),"
            + " (array_agg(r.percent ORDER BY r.reported_at DESC) FILTER (WHERE r.percent IS NOT NULL))[1]"
            + " FROM progress_report r WHERE r.task_id = ANY(:tasks) AND r.status <> 'RETURNED' GROUP BY r.task_id";

    /**
     * The tasks of shown plans with these ids (in no order) with their health and reported percent, in three statements
     * at the same time on the reactive SQL client (docs/decisions/0023): the tasks with their plans, their milestones and
     * their latest reports (one round trip instead of three one after another, for one task as for a list's page).
     */
    Uni<List<AssessedTask>> assessIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, Object> tasks = Map.of("tasks", uuidArray(ids));
        Uni<List<Map.Entry<Task, Plan>>> rows = db.list("SELECT t.*, " + EntityRows.PLAN_AS_P + " FROM task t "
                + HiddenPlans.JOIN_SHOWN_PLAN + " WHERE t.id = ANY(:tasks)", tasks, row -> Map.entry(EntityRows.task(row), EntityRows.plan(row)));
        Uni<Map<UUID, List<Milestone>>> milestones = milestonesOf(ids);
        Uni<List<Object>> latest = db.rows(LATEST_REPORTS, tasks);
        return Uni.combine().all().unis(rows, milestones, latest).with((found, ms, reports) -> assessed(
                found.stream().map(Map.Entry::getKey).toList(), found.stream().map(Map.Entry::getValue).toList(), ms, reports));
    }

    /** Ids as one {@code uuid[]} parameter ({@code = ANY(:ids)}): one prepared statement whatever their number. */
    private static UUID[] uuidArray(Collection<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    private List<AssessedTask> assessed(List<Task> tasks, List<Plan> foundPlans, Map<UUID, List<Milestone>> milestones, List<Object> latest) {
        Map<UUID, Plan> planById = foundPlans.stream().collect(Collectors.toMap(p -> p.id, Function.identity(), (a, b) -> a));
        Map<UUID, Object[]> latestByTask = latest.stream().map(Object[].class::cast).collect(Collectors.toMap(r -> (UUID) r[0], r -> r));
        LocalDate today = today();
        return tasks.stream().map(task -> {
            Object[] own = latestByTask.get(task.id);
            Integer percent = own == null || own[2] == null ? null : ((Number) own[2]).intValue();
            LocalDate lastReport = own == null ? null : day(instant(own[1]));
            Plan plan = planById.get(task.planId);
            LocalDate created = day(task.createdAt);
            LocalDate start = plan != null && plan.issuedOn != null ? plan.issuedOn : created;
            var facts = new HealthRule.Facts(task.status, task.deadlineDate, task.deadlineOngoing,
                    milestones.getOrDefault(task.id, List.of()).stream()
                            .map(m -> new HealthRule.MilestoneFact(m.dueDate, m.done)).toList(),
                    start, created, lastReport, percent, ReportingCycle.of(plan, task).cadence());
            return new AssessedTask(task, HealthRule.verdict(facts, today), percent, ReportingCycle.of(plan, task), start);
        }).toList();
    }

    /** A {@code timestamptz} column of a native query, as the driver hands it over. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("a timestamptz read as " + value.getClass());
    }

    private LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, clock.getZone());
    }
}
