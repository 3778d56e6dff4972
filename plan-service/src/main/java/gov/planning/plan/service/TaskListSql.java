package gov.planning.plan.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.planning.common.api.SortOrder;
import gov.planning.common.api.TextSearch;
import gov.planning.plan.cycle.ReportingCycle;
import gov.planning.plan.cycle.ReportingPeriod;
import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.repository.HiddenPlans;

/**
 * The SQL of a task list: health ({@link HealthRule}, restated in SQL so that lists filter, sort, count and page in
 * the database; TaskListApiTest keeps both the same), the inbox's flags, filters, order and page. A task's latest
 * report, latest percent and earliest open milestone are read from {@code task_facts}, which triggers keep
 * (V8, docs/decisions/0003), never from all its reports and milestones.
 */
public final class TaskListSql {

    /** The task is not completed and its cycle still runs in the current period of its cadence. */
    private static final String REPORTING = "(t.status <> 'COMPLETED'"
            + " AND cy.period_start <= COALESCE(" + ReportingCycle.LAST_DAY_SQL + ", cy.period_start))";
    /**
     * "The caller's organization still owes a report": the task is {@link #REPORTING} and none of the organization's
     * reports for the current period is open (submitted or approved).
     */
    private static final String REPORT_DUE = reportDue("(:mine)");
    /** "Returned to me": the latest report of the caller's organizations was returned. */
    private static final String RETURNED = returned("(:mine)");

    private static final String REPORT_MISSING = "(t.created_at < cy.tracked_before AND (f.last_report_at IS NULL OR f.last_report_at < cy.period_opened))";
    private static final String BEHIND = "(f.last_percent IS NOT NULL AND t.deadline_date > st.start_day AND 100.0 * GREATEST(0,"
            + " LEAST(t.deadline_date - st.start_day, CAST(:today AS date) - st.start_day)) / (t.deadline_date - st.start_day) - f.last_percent > "
            + HealthRule.BEHIND_POINTS + ")";
    private static final String DONE = "t.status = 'COMPLETED'";
    /**
     * Red: not completed, not ongoing, and its deadline or an open milestone passed. Kept as a condition of its own so
     * that a red list is filtered by it directly: PostgreSQL estimates it from the columns' statistics and walks an index
     * (V9) in the list's order up to the page's end, where it could only guess how many rows the CASE below keeps.
     */
    private static final String RED = "(t.status <> 'COMPLETED' AND NOT t.deadline_ongoing"
            + " AND (t.deadline_date < :today OR f.first_open_milestone < :today))";
    /**
     * Red because the deadline passed ({@link #RED} where {@code deadline_date < :today} holds): no condition on the facts,
     * so that a count of them reads the task rows in the deadline range only and PostgreSQL drops the join to
     * {@code task_facts} (which the milestone's condition made a scan of all 100,000 facts, bench/scale).
     */
    private static final String RED_BY_DEADLINE = "(t.status <> 'COMPLETED' AND NOT t.deadline_ongoing AND t.deadline_date < :today)";
    /** The deadline is at most {@link HealthRule#DUE_SOON_DAYS} days away: a range of the deadline indexes. */
    private static final String DUE_SOON = "t.deadline_date <= CAST(:dueSoon AS date)";
    private static final String HEALTH = "CASE WHEN " + DONE + " THEN 'DONE'"
            + " WHEN " + RED + " THEN 'RED'"
            + " WHEN t.deadline_ongoing THEN CASE WHEN " + REPORT_MISSING + " THEN 'YELLOW' ELSE 'GREEN' END"
            + " WHEN " + DUE_SOON + " THEN 'YELLOW'"
            + " WHEN " + REPORT_MISSING + " OR " + BEHIND + " THEN 'YELLOW'"
            + " ELSE 'GREEN' END";
    /*
     * Yellow and green as conditions of their own, for the same reason as RED: the branches of the CASE above, each a
     * condition on columns PostgreSQL has statistics for (the deadline, the facts' dates), so that a yellow or green
     * list is filtered where its rows are read and a page in document order stops at the page's end. A CASE skips a
     * branch whose condition is NULL; here every negated condition is "IS NOT TRUE" (or spelled out with IS NULL), so
     * each task lands in exactly the colour the CASE gives it (TaskListApiTest compares lists, counts and healthCounts).
     */
    /** Not red, for a task not completed: ongoing, or neither the deadline nor an open milestone has passed. */
    private static final String NOT_RED = "(t.deadline_ongoing OR ((t.deadline_date >= :today OR t.deadline_date IS NULL)"
            + " AND (f.first_open_milestone >= :today OR f.first_open_milestone IS NULL)))";
    private static final String YELLOW = "(NOT " + DONE + " AND " + NOT_RED
            + " AND ((t.deadline_ongoing AND " + REPORT_MISSING + ")"
            + " OR (NOT t.deadline_ongoing AND (" + DUE_SOON + " OR " + REPORT_MISSING + " OR " + BEHIND + "))))";
    private static final String GREEN = "(NOT " + DONE + " AND " + NOT_RED
            + " AND ((t.deadline_ongoing AND " + REPORT_MISSING + " IS NOT TRUE)"
            + " OR (NOT t.deadline_ongoing AND (t.deadline_date > CAST(:dueSoon AS date) OR t.deadline_date IS NULL)"
            + " AND " + REPORT_MISSING + " IS NOT TRUE AND " + BEHIND + " IS NOT TRUE)))";

    /** Today's health snapshot exists (V10, {@link HealthSnapshots}): a condition on no row, tested once per statement. */
    private static final String SNAPSHOT_OF_TODAY = "EXISTS (SELECT 1 FROM health_snapshot_state b WHERE b.day = CAST(:today AS date))";
    /** {@link #SNAPSHOT_OF_TODAY}, built with each entry's inbox flags (V20: not by a build of the previous version). */
    private static final String SNAPSHOT_OF_TODAY_WITH_INBOX_FLAGS = "EXISTS (SELECT 1 FROM health_snapshot_state b"
            + " WHERE b.day = CAST(:today AS date) AND b.inbox_flags_day = CAST(:today AS date))";
    /** The tasks written since the snapshot's MVCC snapshot (V10's triggers; repeated ids are harmless in a filter). */
    private static final String CHANGED = "SELECT c.task_id FROM health_change c";
    /**
     * A list of one colour reads its {@link #candidates} from the snapshot when its organizations are at most this many
     * and their entries of that colour (one per task and organization) at most {@link #CANDIDATE_ENTRIES}. Past either
     * the walk in the list's order costs less: the candidates cost an index probe per organization (1,666 in a
     * prefecture's subtree: 8 ms of SQL; 20,000 in a province's) and a read of each entry, where the walk stops after a
     * page of the colour, soon when the colour is common. Measured at 100,000 tasks (bench/scale, 2026-12-07): the
     * prefecture's 329 yellow tasks (1,168 entries) 10 + 4 ms against a walk of 28 ms; its 5,725 green ones 26 + 15 ms
     * against 9 ms.
     */
    private static final int CANDIDATE_ORGS = 2000;
    private static final int CANDIDATE_ENTRIES = 4000;

    /** Most urgent first: the order of {@code sortBy: HEALTH} (TaskQuery.HealthKey#rank). */
    private static final String HEALTH_RANK = "CASE a.health WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 WHEN 'GREEN' THEN 2 ELSE 3 END";

    /** The column each order by a value sorts on ({@link TaskQuery.ValueKey}), and its type for the cursor's value. */
    private static final Map<TaskSort, String> SORT_VALUES = Map.of(TaskSort.DEADLINE, "a.deadline_date",
            TaskSort.PROGRESS, "a.progress", TaskSort.UPDATED, "a.updated_at", TaskSort.TITLE, "a.title");
    private static final Map<TaskSort, String> SORT_TYPES = Map.of(TaskSort.DEADLINE, "date", TaskSort.PROGRESS, "integer",
            TaskSort.UPDATED, "timestamptz", TaskSort.TITLE, "text");

    private final StringBuilder inner = new StringBuilder();
    /** {@link #inner} without the health filter (the red count states red in two disjoint parts of its own). */
    private final String unfiltered;
    private final List<String> outer = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final TaskQuery query;
    /** Whether this is {@link #forSnapshot}: its tasks carry the organizations of each inbox flag. */
    private final boolean snapshot;
    /** The organization filter within {@link #inner} ("" for none): left out where the tasks are known to be theirs. */
    private String orgFilter = "";

    TaskListSql(TaskQuery query, LocalDate today, ZoneId zone) {
        this(query, today, zone, false);
    }

    /** The SQL of today's snapshot ({@link #snapshotInsert}): every task, with the organizations each inbox flag holds for. */
    static TaskListSql forSnapshot(LocalDate today, ZoneId zone) {
        return new TaskListSql(TaskQuery.builder().build(), today, zone, true);
    }

    private TaskListSql(TaskQuery query, LocalDate today, ZoneId zone, boolean snapshot) {
        this.query = query;
        this.snapshot = snapshot;
        boolean inbox = query.mine() != null;
        params.put("today", today);
        params.put("dueSoon", today.plusDays(HealthRule.DUE_SOON_DAYS));
        params.put("zone", sqlZone(zone));
        // Per cadence: the start of the last period (a report since then counts), the start of the current one (a task
        // entered after it owes nothing for the last period yet) and the current period's code (the inbox's reportDue).
        // Chosen per task by CASE, not joined from a VALUES list: PostgreSQL cannot estimate such a join on an expression
        // (it guessed 1 task in 50), and with that guess it sorted whole lists instead of walking an index to the page's end.
        String[] columns = { "tracked_before", "period_opened", "current_period", "period_start" };
        String[] types = { "timestamptz", "timestamptz", "varchar", "date" };
        String[] prefixes = { "tracked_", "opened_", "current_", "start_" };
        StringBuilder cycles = new StringBuilder();
        for (ReportCadence cadence : ReportCadence.values()) {
            ReportingPeriod current = ReportingPeriod.containing(cadence, today);
            String key = cadence.name().toLowerCase();
            params.put("opened_" + key, startOf(current.previous().start(), zone));
            params.put("tracked_" + key, startOf(current.start(), zone));
            params.put("current_" + key, current.code());
            params.put("start_" + key, current.start());
        }
        for (int c = 0; c < columns.length; c++) {
            cycles.append(c == 0 ? "" : ", ").append("CASE cc.cadence");
            for (ReportCadence cadence : ReportCadence.values()) {
                cycles.append(" WHEN '").append(cadence.name()).append("' THEN CAST(:").append(prefixes[c])
                        .append(cadence.name().toLowerCase()).append(" AS ").append(types[c]).append(")");
            }
            cycles.append(" END AS ").append(columns[c]);
        }
        // Plan and facts are joined LEFT (every task has its plan, and its facts row since V18; the tasks of hidden plans
        // are left out by a condition of their own): a list that reads neither (no health filter, an order by the task's
        // columns) drops both joins, so a page at an offset by deadline is an index-only walk of task (60,000 tasks
        // skipped: 32 → 16 ms of SQL without the plan's join; with the facts joined inner, 130 ms: all 100,000 joined and
        // sorted). The facts are joined inner for the order by progress: PostgreSQL then walks the percent's index.
        inner.append("SELECT t.id, t.plan_id, t.position, t.title, t.deadline_date, t.updated_at, f.last_percent AS progress, ")
                .append(HEALTH).append(" AS health, ")
                .append(inbox ? REPORT_DUE : "false").append(" AS report_due, ")
                .append(inbox ? RETURNED : "false").append(" AS returned")
                .append(snapshot ? ", " + orgsWhere(TaskListSql::reportDue) + " AS owing_orgs, " + orgsWhere(TaskListSql::returned)
                        + " AS returned_orgs" : "")
                .append(" FROM task t LEFT JOIN plan p ON p.id = t.plan_id")
                .append(" CROSS JOIN LATERAL (SELECT COALESCE(t.report_cadence, p.report_cadence) AS cadence) cc")
                .append(" CROSS JOIN LATERAL (SELECT ").append(cycles).append(") cy")
                .append(" CROSS JOIN LATERAL (SELECT COALESCE(p.issued_on, CAST(t.created_at AT TIME ZONE :zone AS date)) AS start_day) st")
                .append(query.sortBy() == TaskSort.PROGRESS ? " JOIN" : " LEFT JOIN").append(" task_facts f ON f.task_id = t.id")
                .append(" WHERE ").append(HiddenPlans.OF_SHOWN_PLAN);
        if (inbox) {
            params.put("mine", query.mine());
        }
        if (query.planIds() != null) {
            params.put("planIds", query.planIds());
            inner.append(" AND t.plan_id IN (:planIds)");
        }
        if (query.orgIds() != null) {
            params.put("orgIds", idArray(query.orgIds()));
            int orgFilterAt = inner.length();
            inner.append(" AND t.id IN (SELECT o.task_id FROM task_org o WHERE o.org_id IN ").append(idsOf("orgIds"));
            if (!roleFilter("o").isEmpty()) {
                params.put("role", query.role().name());
                inner.append(roleFilter("o"));
            }
            inner.append(")");
            orgFilter = inner.substring(orgFilterAt);
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            params.put("statuses", query.statuses().stream().map(Enum::name).toList());
            inner.append(" AND t.status IN (:statuses)");
        }
        if (query.dueBefore() != null) {
            params.put("dueBefore", query.dueBefore());
            inner.append(" AND t.deadline_date < :dueBefore");
        }
        if (query.dueAfter() != null) {
            params.put("dueAfter", query.dueAfter());
            inner.append(" AND t.deadline_date > :dueAfter");
        }
        if (query.search() != null) {
            params.put("search", query.search());
            params.put("searchPattern", TextSearch.containsPattern(query.search()));
            inner.append(" AND ").append(TextSearch.condition("t.title", "search"));
        }
        unfiltered = inner.toString();
        if (query.health() != null) {
            inner.append(" AND ").append(switch (query.health()) {
                case RED -> RED;
                case YELLOW -> YELLOW;
                case GREEN -> GREEN;
                case DONE -> DONE;
            });
        }
        if (query.reportDue() != null) {
            outer.add(query.reportDue() ? "a.report_due" : "NOT a.report_due");
        }
        if (query.returned() != null) {
            outer.add(query.returned() ? "a.returned" : "NOT a.returned");
        }
    }

    /** {@link #REPORT_DUE} for the organizations {@code orgs} (an SQL list in parentheses) of the task {@code t}. */
    private static String reportDue(String orgs) {
        return "(" + REPORTING + " AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.task_id = t.id AND r.org_id IN "
                + orgs + " AND r.status <> 'RETURNED' AND r.period = cy.current_period))";
    }

    /** {@link #RETURNED} for the organizations {@code orgs} (an SQL list in parentheses) of the task {@code t}. */
    private static String returned(String orgs) {
        return "COALESCE((SELECT r.status FROM progress_report r WHERE r.task_id = t.id AND r.org_id IN " + orgs
                + " ORDER BY r.reported_at DESC, r.id DESC LIMIT 1) = 'RETURNED', false)";
    }

    /**
     * The task's organizations (task_org) of which {@code flag} holds, each on its own: today's snapshot keeps them per
     * task, and V20's trigger flags each organization's entry with them (the inbox's flags, docs/decisions/0028).
     */
    private static String orgsWhere(java.util.function.Function<String, String> flag) {
        return "ARRAY(SELECT o.org_id FROM task_org o WHERE o.task_id = t.id AND " + flag.apply("(o.org_id)") + ")";
    }

    /**
     * The ids of an {@link #idArray} parameter as a subquery. A subtree's organizations number thousands at a province's
     * scale (20,000 below the province); {@code IN (:list)} would bind each as a parameter and compare every row with
     * the whole list, where this is one parameter that PostgreSQL hashes once (measured: 0.7 s → 10 ms, bench/scale).
     */
    static String idsOf(String param) {
        return "(SELECT s.id FROM unnest(CAST(CAST(:" + param + " AS text) AS uuid[])) AS s (id))";
    }

    /** The parameter value for {@link #idsOf}: a PostgreSQL array literal of the ids. */
    static String idArray(java.util.Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    Map<String, Object> params() {
        return params;
    }

    /**
     * Ids and inbox flags of the page, in order. After a keyset cursor the page starts right after the cursor's task (in
     * document order a range of {@code task_document_order_idx}); otherwise it skips {@code offset} rows.
     */
    String page() {
        // One row more to tell whether another page follows, after a cursor (the page's offset is unknown) or when the list
        // is not counted (no total to compare the offset with).
        int rows = peeks() ? query.limit() + 1 : query.limit();
        if (seek() instanceof TaskQuery.ValueKey key && key.value() != null && nullable(key.sort())) {
            return pageAfterValue(key.sort(), rows);
        }
        String after = afterCursor();
        String where = where();
        if (after != null) {
            where += (where.isEmpty() ? " WHERE " : " AND ") + after;
        }
        return "SELECT a.id, a.report_due, a.returned FROM (" + inner + ") a" + where + " ORDER BY " + orderBy()
                + " LIMIT " + rows + " OFFSET " + (after != null ? 0 : query.offset());
    }

    /**
     * The page after a cursor with a value in an order where tasks without one come last (DEADLINE, PROGRESS): the tasks
     * with a value after it, then, only when they do not fill the page, the tasks without one by id. Two parts so that the
     * first is a range of an index on the value (a deep page by deadline starts at the cursor's deadline in
     * {@code task_deadline_idx}); "a value after it OR none" in one condition would scan every task before the cursor
     * (bench/scale). The second part is skipped unless the first came short (a condition on no row, tested once). The
     * first part's rows all have a value, so its nulls may go where the value's index has them ({@link #indexNulls}):
     * then PostgreSQL walks that index instead of sorting every task after the cursor.
     */
    private String pageAfterValue(TaskSort sort, int rows) {
        String value = SORT_VALUES.get(sort);
        String filter = andOuter();
        return "WITH v AS MATERIALIZED (SELECT a.id, a.report_due, a.returned, " + value + " AS k FROM (" + inner + ") a WHERE "
                + valueAfter(sort) + filter + " ORDER BY " + value + " " + direction() + indexNulls(sort) + ", a.id LIMIT " + rows + ")"
                + " SELECT u.id, u.report_due, u.returned FROM (SELECT v.id, v.report_due, v.returned, v.k, 0 AS part FROM v"
                + " UNION ALL (SELECT a.id, a.report_due, a.returned, " + value + ", 1 FROM (" + inner + ") a WHERE " + value
                + " IS NULL" + filter + " AND (SELECT count(*) FROM v) < " + rows + " ORDER BY a.id LIMIT " + rows + ")) u"
                + " ORDER BY u.part, u.k " + direction() + ", u.id LIMIT " + rows;
    }

    /** Whether {@link #page} reads one row more than the page, to tell whether another page follows. */
    boolean peeks() {
        return seeks() || !query.counted();
    }

    /**
     * The page of every plan of the query's plans at once, each plan's list numbered and counted on its own (window
     * functions): per row the plan, the task, the inbox flags, the row's number in its plan's list, the plan's total and
     * how many rows of the plan's list the page skips (the offset; after a keyset cursor of one of the plans, the rows up
     * to the cursor's task in that plan). Each plan's first row comes even when outside the page, so that a plan asked
     * only for its count has one.
     */
    String pagesPerPlan() {
        String after = afterCursor();
        // The plan whose page the cursor continues: named by a key in document order, else the cursor's task's plan (a
        // task never changes plans; a task deleted since leaves every plan paged by the offset, as before keyset cursors).
        String plan = seek() instanceof TaskQuery.DocumentKey ? "CAST(:afterPlan AS uuid)"
                : "(SELECT k.plan_id FROM task k WHERE k.id = CAST(:afterId AS uuid))";
        String skip = after == null ? String.valueOf(query.offset())
                : "CASE WHEN a.plan_id = " + plan + " THEN count(*) FILTER (WHERE NOT " + after
                        + ") OVER (PARTITION BY a.plan_id) ELSE " + query.offset() + " END";
        return "SELECT b.plan_id, b.id, b.report_due, b.returned, b.n, b.total, b.skip FROM (SELECT a.plan_id, a.id, a.report_due, a.returned,"
                + " row_number() OVER (PARTITION BY a.plan_id ORDER BY " + orderBy() + ") AS n,"
                + " count(*) OVER (PARTITION BY a.plan_id) AS total, " + skip + " AS skip FROM (" + inner + ") a" + where() + ") b"
                + " WHERE b.n = 1 OR (b.n > b.skip AND b.n <= b.skip + " + query.limit() + ") ORDER BY b.plan_id, b.n";
    }

    /** The parameters of {@link #page} and {@link #pagesPerPlan}: the list's and the keyset cursor's. */
    Map<String, Object> pageParams() {
        TaskQuery.SortKey after = seek();
        if (after == null) {
            return params;
        }
        Map<String, Object> all = new LinkedHashMap<>(params);
        if (after instanceof TaskQuery.DocumentKey key) {
            all.put("afterPlan", key.planId().toString());
            all.put("afterPosition", key.position());
            all.put("afterId", key.id().toString());
        } else if (after instanceof TaskQuery.HealthKey key) {
            all.put("afterRank", key.rank());
            all.put("afterId", key.id().toString());
        } else if (after instanceof TaskQuery.ValueKey key) {
            if (key.value() != null) {
                all.put("afterValue", key.value());
            }
            all.put("afterId", key.id().toString());
        }
        return all;
    }

    /** Whether {@link #page} seeks after a keyset cursor (and reads one row more than the page). */
    boolean seeks() {
        return seek() != null;
    }

    /** Rows after the keyset cursor's task in the list's order, or null when the list pages by offset. */
    private String afterCursor() {
        TaskQuery.SortKey after = seek();
        boolean descending = direction().equals("DESC");
        if (after instanceof TaskQuery.DocumentKey) {
            return "(a.plan_id, a.position, a.id) " + (descending ? "<" : ">")
                    + " (CAST(:afterPlan AS uuid), :afterPosition, CAST(:afterId AS uuid))";
        }
        if (after instanceof TaskQuery.HealthKey) {
            // The order is the rank in the direction asked, then the id ascending (orderBy).
            return "(" + HEALTH_RANK + (descending ? " < " : " > ") + ":afterRank OR (" + HEALTH_RANK
                    + " = :afterRank AND a.id > CAST(:afterId AS uuid)))";
        }
        if (after instanceof TaskQuery.ValueKey key) {
            // Tasks without a value come last in both directions, by id; after one of them, only those with a greater id.
            String value = SORT_VALUES.get(key.sort());
            if (key.value() == null) {
                return "(" + value + " IS NULL AND a.id > CAST(:afterId AS uuid))";
            }
            return nullable(key.sort()) ? "(" + value + " IS NULL OR " + valueAfter(key.sort()) + ")" : valueAfter(key.sort());
        }
        return null;
    }

    /**
     * The tasks with a value after the cursor's (value {@code afterValue}, id {@code afterId}) in the list's order: the
     * value in the direction asked, then the id ascending (as {@link #orderBy}). Written as a range of the value and a
     * condition within it, so that an index on the value starts at the cursor's (a row comparison cannot mix directions).
     */
    private String valueAfter(TaskSort sort) {
        String value = SORT_VALUES.get(sort);
        // Bound as text and cast once in SQL (the driver binds a parameter as the type PostgreSQL infers for it).
        String cursor = "CAST(CAST(:afterValue AS text) AS " + SORT_TYPES.get(sort) + ")";
        boolean descending = direction().equals("DESC");
        return "(" + value + (descending ? " <= " : " >= ") + cursor + " AND (" + value + (descending ? " < " : " > ") + cursor
                + " OR a.id > CAST(:afterId AS uuid)))";
    }

    /**
     * Where the value's index puts tasks without a value in the list's direction, for an order over tasks that all have
     * one. The deadline has one ascending index, nulls last, which a descending order walks backwards (nulls first, the
     * default of DESC); the percent has one index per direction, both nulls last (V18: its ties are many, and walking
     * backwards would leave each tie's ids to sort).
     */
    private String indexNulls(TaskSort sort) {
        return sort == TaskSort.PROGRESS ? " NULLS LAST" : "";
    }

    /** Whether tasks may have no value to sort on (no deadline, never reported), which every direction puts last. */
    private static boolean nullable(TaskSort sort) {
        return sort == TaskSort.DEADLINE || sort == TaskSort.PROGRESS;
    }

    /** The query's role as a condition on the task_org (or snapshot) rows aliased {@code alias}; "" for any role. */
    private String roleFilter(String alias) {
        return query.role() != null && query.role() != TaskRole.ANY ? " AND " + alias + ".role = :role" : "";
    }

    private String direction() {
        return SortOrder.sql(query.order(), SortOrder.ASC);
    }

    /** The cursor's key, when the list is in the order its key is of. */
    private TaskQuery.SortKey seek() {
        TaskQuery.SortKey after = query.after();
        if (after instanceof TaskQuery.DocumentKey && query.inDocumentOrder()
                || after instanceof TaskQuery.HealthKey && query.sortBy() == TaskSort.HEALTH
                || after instanceof TaskQuery.ValueKey key && key.sort() == query.sortBy()) {
            return after;
        }
        return null;
    }

    /**
     * Whether {@link #pageFromSnapshot} answers this page: the inbox by health, filtered by role and health at most (what
     * today's snapshot holds per organization), and one organization's 待填报 and 被退回; another filter on the flags or a
     * search is derived live ({@link #page}).
     */
    boolean pagesFromSnapshot() {
        return query.sortBy() == TaskSort.HEALTH && query.mine() != null && ofOrgsByRoleAndHealthOnly();
    }

    /**
     * The inbox's page by health from today's snapshot (V14, docs/decisions/0018): per organization of the inbox and per
     * colour the page's place may hold, a walk of {@code health_snapshot_org_task} in the list's order (colour, then id)
     * after the cursor, at most as many rows as the page reads and without the tasks written since the snapshot; those
     * walks' first rows and the tasks written since that the organizations have now are the candidates, and the list's
     * own SQL ({@link #inner}: the health expression, the filters, the flags) over just them gives the page. Exact: a task
     * not written since has the snapshot's colour and organizations, so the page's tasks are among the candidates.
     * Without a snapshot of today, one row of nulls: the caller reads {@link #page} instead. Parameters: {@link #pageParams}.
     */
    String pageFromSnapshot() {
        TaskQuery.SortKey after = seek();
        boolean descending = direction().equals("DESC");
        int walked = (after != null ? 0 : query.offset()) + query.limit() + 1;
        String role = roleFilter("h");
        List<String> walks = new ArrayList<>();
        for (Health health : Health.values()) {
            int rank = new TaskQuery.HealthKey(health, null).rank();
            int afterRank = after instanceof TaskQuery.HealthKey key ? key.rank() : -1;
            if (query.health() != null && query.health() != health
                    || afterRank >= 0 && (descending ? rank > afterRank : rank < afterRank)) {
                continue;
            }
            // One range of the primary key per organization: PostgreSQL walks it and stops after `walked` rows.
            walks.add("SELECT " + rank + " AS rank, w.task_id FROM unnest(CAST(CAST(:orgIds AS text) AS uuid[])) AS s (id)"
                    + " CROSS JOIN LATERAL (SELECT h.task_id FROM health_snapshot_org_task h WHERE h.day = CAST(:today AS date)"
                    + " AND h.org_id = s.id AND h.health = '" + health.name() + "'" + role + inboxFlags("h")
                    + (rank == afterRank ? " AND h.task_id > CAST(:afterId AS uuid)" : "")
                    + " AND h.task_id NOT IN (" + CHANGED + ") ORDER BY h.task_id LIMIT " + walked + ") w");
        }
        String dir = descending ? " DESC" : "";
        String unchanged = walks.isEmpty() ? "SELECT CAST(NULL AS uuid) AS task_id WHERE false"
                : "SELECT u.task_id FROM (SELECT DISTINCT w.rank, w.task_id FROM (" + String.join(" UNION ALL ", walks) + ") w) u"
                        + " ORDER BY u.rank" + dir + ", u.task_id LIMIT " + walked;
        String cursor = afterCursor();
        String page = "SELECT a.id, a.report_due, a.returned, " + HEALTH_RANK + " AS rank FROM (" + innerOfTheirTasks()
                + " AND t.id IN (SELECT v.task_id FROM (" + unchanged + ") v UNION " + changedOfTheOrgs() + ")) a"
                + " WHERE " + snapshotOfToday() + (cursor == null ? "" : " AND " + cursor)
                + andOuter()
                + " ORDER BY " + orderBy() + " LIMIT " + (peeks() ? query.limit() + 1 : query.limit())
                + " OFFSET " + (after != null ? 0 : query.offset());
        return "SELECT p.id, p.report_due, p.returned FROM ((" + page + ") UNION ALL SELECT NULL, NULL, NULL, NULL WHERE NOT "
                + snapshotOfToday() + ") p ORDER BY p.rank" + dir + ", p.id";
    }

    /**
     * Whether the list's {@code totalCount} is {@link #orgsCountFromSnapshot}: a list of organizations (an inbox, a
     * subtree's tasks) filtered by health (and role) only. Without a health filter it counts their task_org rows
     * ({@link #count}).
     */
    boolean orgsCountsFromSnapshot() {
        return (query.health() != null || inboxFlagsOfOneOrganization()) && ofOrgsByRoleAndHealthOnly();
    }

    /**
     * The organizations' tasks of a health from today's snapshot: their tasks of that health in
     * {@code health_snapshot_org_task} (each task once) but those written since, plus the tasks written since that are in
     * the list now (derived live, the list's own SQL). Without a snapshot of today, {@link #count}. Linear in the
     * organizations' tasks of that health, as index entries: a prefecture's 5,725 green tasks of 10,000 derived live took
     * 200–270 ms through the gateway at 10^5 tasks (bench/scale, 2026-12-07). Parameters: {@link #countFromSnapshotParams}.
     */
    String orgsCountFromSnapshot() {
        return "SELECT CASE WHEN " + snapshotOfToday() + " THEN"
                + " (SELECT count(DISTINCT u.task_id) FROM (" + unchangedOfTheOrgs() + ") u)"
                + " + (SELECT count(*) FROM (" + innerOfTheirTasks() + " AND t.id IN (" + changedOfTheOrgs() + ")) a" + where() + ")"
                + " ELSE (" + count() + ") END";
    }

    /**
     * Whether {@link #candidates} may answer this page: a list of at most {@link #CANDIDATE_ORGS} organizations' tasks
     * of one colour (a subtree's, an inbox's not ordered by health), filtered by role at most besides. The inbox by health
     * has its own page from the snapshot ({@link #pagesFromSnapshot}).
     */
    boolean pagesFromCandidates() {
        return query.health() != null && ofOrgsByRoleAndHealthOnly() && !pagesFromSnapshot()
                && query.orgIds().size() <= CANDIDATE_ORGS;
    }

    /**
     * The tasks the page of {@link #pagesFromCandidates a list of one colour} is among, as a PostgreSQL array literal
     * for {@link #pageOfCandidates}: the organizations' tasks of that colour in today's snapshot but those written since,
     * and the tasks written since that the organizations have now (exact for the reason {@link #pageFromSnapshot} is).
     * Null when there is no snapshot of today or the colour has more than {@link #CANDIDATE_ENTRIES} entries:
     * {@link #page} then walks the list's order. Parameters: {@link #countFromSnapshotParams}.
     */
    String candidates() {
        return "WITH w AS MATERIALIZED (" + unchangedOfTheOrgs() + " LIMIT " + (CANDIDATE_ENTRIES + 1) + ")"
                + " SELECT CASE WHEN " + snapshotOfToday() + " AND (SELECT count(*) FROM w) <= " + CANDIDATE_ENTRIES
                + " THEN CAST(ARRAY(SELECT w.task_id FROM w UNION " + changedOfTheOrgs() + ") AS text) END";
    }

    /**
     * {@link #page} over {@link #candidates} ({@code :candidates}) instead of every task of the organizations: the
     * candidates are read by their key and sorted ({@link #CANDIDATE_ENTRIES} at most, and the tasks written since).
     */
    String pageOfCandidates() {
        return page().replace(orgFilter, " AND t.id = ANY (CAST(CAST(:candidates AS text) AS uuid[]))");
    }

    /** The parameters of {@link #pageOfCandidates}, with {@code candidates} as {@link #candidates} answered them. */
    Map<String, Object> pageOfCandidatesParams(String candidates) {
        Map<String, Object> all = new LinkedHashMap<>(pageParams());
        all.put("candidates", candidates);
        return all;
    }

    /**
     * {@link #inner} without its organization filter, for candidates known to be of the organizations: PostgreSQL would
     * otherwise hash every task_org row of the organizations (linear in their tasks) to test a page's worth of them.
     */
    private String innerOfTheirTasks() {
        return orgFilter.isEmpty() ? inner.toString() : inner.toString().replace(orgFilter, "");
    }

    /**
     * Today's snapshot entries of the list's organizations (in its role) of its colour ({@code :health}), but the tasks
     * written since: one index range per organization, a task once per organization it has. The fence {@code OFFSET 0}
     * keeps the ranges: seeing a prefecture's 1,666 ids, PostgreSQL joined them to a parallel scan of the whole table
     * instead (its 350,000 entries at 10^5 tasks: the yellow count 45 → 8.5 ms, the red one 75 → 15, the yellow
     * candidates 62 → 15; bench/scale, 2026-12-07 18:40).
     */
    private String unchangedOfTheOrgs() {
        return "SELECT h.task_id FROM unnest(CAST(CAST(:orgIds AS text) AS uuid[])) AS s (id) CROSS JOIN LATERAL"
                + " (SELECT h.task_id FROM health_snapshot_org_task h WHERE h.day = CAST(:today AS date) AND h.org_id = s.id"
                + (query.health() != null ? " AND h.health = :health" : "") + roleFilter("h") + inboxFlags("h")
                + " AND h.task_id NOT IN (" + CHANGED + ") OFFSET 0) h";
    }

    /**
     * The inbox's 待填报 or 被退回 of one organization ({@code reportDue: true}, {@code returned: true}, either or both, and
     * neither false): today's snapshot holds these flags of its tasks not written since, per entry (V20,
     * docs/decisions/0028). Of two or more organizations (one acting for another) the flags are derived live: one's open
     * report spares the other's, and the latest report is of either, which no entry of one says.
     */
    private boolean inboxFlagsOfOneOrganization() {
        return query.mine() != null && query.mine().size() == 1 && !Boolean.FALSE.equals(query.reportDue())
                && !Boolean.FALSE.equals(query.returned()) && (query.reportDue() != null || query.returned() != null);
    }

    /** The conditions on the snapshot entries aliased {@code alias} of the inbox's flags asked (owing a report, returned). */
    private String inboxFlags(String alias) {
        if (!inboxFlagsOfOneOrganization()) {
            return "";
        }
        return (query.reportDue() != null ? " AND " + alias + ".report_owed" : "")
                + (query.returned() != null ? " AND " + alias + ".report_returned" : "");
    }

    /** Whether today's snapshot is there, and for the inbox's flags built with each entry's. */
    private String snapshotOfToday() {
        return inboxFlagsOfOneOrganization() ? SNAPSHOT_OF_TODAY_WITH_INBOX_FLAGS : SNAPSHOT_OF_TODAY;
    }

    /** The tasks written since the snapshot that the list's organizations have now (in its role), each tested by its key. */
    private String changedOfTheOrgs() {
        String role = roleFilter("o");
        return "SELECT c.task_id FROM health_change c WHERE EXISTS (SELECT 1 FROM task_org o WHERE o.task_id = c.task_id"
                + " AND o.org_id IN " + idsOf("orgIds") + role + ")";
    }

    /**
     * A list of organizations' tasks (an inbox's, a subtree's), filtered by role and health at most, and for an inbox of
     * one organization by its flags true besides.
     */
    private boolean ofOrgsByRoleAndHealthOnly() {
        return query.orgIds() != null && query.planIds() == null && (outer.isEmpty() || inboxFlagsOfOneOrganization())
                && (query.statuses() == null || query.statuses().isEmpty()) && query.dueBefore() == null
                && query.dueAfter() == null && query.search() == null;
    }

    String count() {
        if (countsFromTaskOrg()) {
            // Every task of the organizations but those of hidden plans, from task_org_org_task_idx alone (V13) without
            // reading the tasks (an inbox's 2,312, a prefecture's 10,000: each a probe of task and plan otherwise). Per
            // organization (the fence OFFSET 0): PostgreSQL guesses 200 ids in the array and would scan all of task_org.
            String role = roleFilter("o");
            return "SELECT count(*) FROM (SELECT DISTINCT o.task_id"
                    + " FROM unnest(CAST(CAST(:orgIds AS text) AS uuid[])) AS s (id)"
                    + " CROSS JOIN LATERAL (SELECT o.task_id FROM task_org o WHERE o.org_id = s.id" + role + " OFFSET 0) o"
                    + " WHERE o.task_id NOT IN (SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id"
                    + " AND NOT (" + HiddenPlans.SHOWN + "))) d";
        }
        if (query.health() == Health.RED) {
            // Red by its deadline, or else by an open milestone: two disjoint ranges of V9's indexes, so that the count
            // reads the red tasks rather than every open task of the scope.
            return "SELECT (SELECT count(*) FROM (" + unfiltered + " AND " + RED_BY_DEADLINE + ") a" + where() + ")"
                    + " + (SELECT count(*) FROM (" + inner + " AND (t.deadline_date IS NULL OR t.deadline_date >= :today)"
                    + " AND f.first_open_milestone < :today) a" + where() + ")";
        }
        return "SELECT count(*) FROM (" + inner + ") a" + where();
    }

    /**
     * Per lead organization and health, how many tasks: every lead of a task counts, a lead a reform replaced counts as
     * its current successor ({@code heirs}), and a task led by both counts once. The heirs are inlined as a VALUES
     * list: they are UUIDs (no text of a user's), and few (the replaced organizations among the leads).
     * <p>
     * With today's health snapshot (V10, {@link HealthSnapshots}, docs/decisions/0010): its counts per lead, minus the
     * snapshot's contribution of the tasks derived live, plus their live health under their current leads. Derived live
     * are the tasks written since the snapshot and those led by a replaced organization (only they can count once for
     * two leads, which counts per lead cannot tell); every other task's inputs and leads are the snapshot's, and none of
     * its leads is replaced, so its snapshot row counts as it is. Without a snapshot of today: every task derived live,
     * once, in one pass over the tasks and their facts before the fan-out to its leads (the fence {@code OFFSET 0} keeps
     * PostgreSQL from evaluating it, and probing the facts, once per lead row; bench/scale). One statement either way,
     * so the snapshot, the changes and the live health are read at one moment.
     */
    String healthCountsByLead(Map<UUID, UUID> heirs) {
        String mapping = heirsMapping(heirs);
        return "SELECT g.org, g.health, sum(g.n) FROM ("
                + "SELECT c.org_id AS org, c.health, c.tasks AS n FROM " + leadCounts() + " c WHERE c.day = CAST(:today AS date)"
                + inPlans("c") + " AND " + SNAPSHOT_OF_TODAY
                + " UNION ALL " + liveCorrections(mapping, SNAPSHOT_OF_TODAY)
                + " UNION ALL " + countsByLead(inner.toString(), "", mapping, "NOT " + SNAPSHOT_OF_TODAY)
                + ") g GROUP BY g.org, g.health HAVING sum(g.n) <> 0";
    }

    /** The successors of replaced leads as a VALUES list of (org_id, heir), or null for none. */
    private static String heirsMapping(Map<UUID, UUID> heirs) {
        return heirs.isEmpty() ? null : "VALUES " + heirs.entrySet().stream()
                .map(e -> "('" + e.getKey() + "'::uuid, '" + e.getValue() + "'::uuid)").collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Per lead organization and health, what the snapshot's counts miss: the snapshot's rows of the tasks derived live
     * taken back, their live health under their current leads added (rows of org, health, n; when {@code when} holds).
     * Derived live: the tasks written since the snapshot and those led by a replaced organization.
     */
    private String liveCorrections(String mapping, String when) {
        String live = "ARRAY(" + CHANGED + (mapping == null ? "" : " UNION SELECT o.task_id FROM task_org o WHERE o.role = 'LEAD'"
                + " AND o.org_id IN (SELECT m.org_id FROM (" + mapping + ") m (org_id, heir))") + ")";
        return "SELECT l.org_id, s.health, -CAST(count(*) AS integer) FROM health_snapshot s CROSS JOIN LATERAL unnest(s.leads) AS l (org_id)"
                + " WHERE s.day = CAST(:today AS date) AND s.task_id = ANY (" + live + ")" + inPlans("s") + " AND " + when
                + " GROUP BY l.org_id, s.health"
                + " UNION ALL " + countsByLead(inner + " AND t.id = ANY (" + live + ")", " AND o.task_id = ANY (" + live + ")", mapping, when);
    }

    /**
     * The columns green, yellow, red, done (in {@link Health}'s order): the sum of {@code value} over the rows whose
     * {@code health} is each, 0 for none.
     */
    private static String healthColumns(String value, String health) {
        return String.join(", ", java.util.Arrays.stream(Health.values())
                .map(h -> "CAST(COALESCE(sum(" + value + ") FILTER (WHERE " + health + " = '" + h.name() + "'), 0) AS integer) AS "
                        + h.name().toLowerCase()).toList());
    }

    /**
     * One page of {@link #healthCountsByLead}'s organizations, most red first, then most yellow, then by id (the order of
     * {@code healthCounts}), at most {@code limit + 1} rows (the one more tells whether a page follows), each row also
     * carrying the number of organizations and the sums of every column over all of them; one row of those alone (page
     * columns null) when the page is empty. After {@code after} (a row's red, yellow and organization, parameters
     * {@code afterRed}, {@code afterYellow}, {@code afterOrg}) the page starts right after that place, else it skips
     * {@code offset} rows. The rows are grouped, counted and cut in the statement: a province's 5,000 organizations never
     * leave the database (docs/decisions/0015).
     */
    String healthCountPage(Map<UUID, UUID> heirs, boolean after, int offset, int limit) {
        String orgs = "SELECT c.org, " + healthColumns("c.n", "c.health")
                + " FROM (" + healthCountsByLead(heirs) + ") c (org, health, n) GROUP BY c.org";
        return "WITH o AS MATERIALIZED (" + orgs + ")" + sumsAndPage("SELECT o.* FROM o", "SELECT o.* FROM o" + (after ? " WHERE " + afterRow("o", "org") : "")
                + " ORDER BY o.red DESC, o.yellow DESC, o.org LIMIT " + (limit + 1) + (after ? "" : " OFFSET " + offset), "");
    }

    /**
     * {@link #healthCountPage} of all plans from today's per-organization rows ({@code health_snapshot_org_row}, V15,
     * docs/decisions/0020), the same rows in the same order: the organizations no task derived live touches come from
     * the rows as they are, in their index up to the page's end; those it touches (the leads, before and now, of the
     * tasks written since the snapshot, and the replaced leads with their successors) from their row plus the
     * corrections. The rows are kept by triggers on the snapshot's counts (V15). No row at all without a snapshot of
     * today: then {@link #healthCountPage}.
     */
    String healthCountPageFromRows(Map<UUID, UUID> heirs, boolean after, int offset, int limit) {
        String today = "r.day = CAST(:today AS date)";
        String untouched = "FROM health_snapshot_org_row r WHERE " + today + " AND r.org_id NOT IN (SELECT d.org FROM d)";
        String columns = healthNames("r.", ", ");
        String corrected = "SELECT d.org, " + String.join(", ", java.util.Arrays.stream(Health.values()).map(h -> h.name().toLowerCase())
                .map(h -> "COALESCE(r." + h + ", 0) + d." + h + " AS " + h).toList())
                + " FROM d LEFT JOIN health_snapshot_org_row r ON " + today + " AND r.org_id = d.org";
        String walked = "(SELECT r.org_id AS org, " + columns + " " + untouched + (after ? " AND " + afterRow("r", "org_id") : "")
                + " ORDER BY -r.red, -r.yellow, r.org_id LIMIT " + ((after ? 0 : offset) + limit + 1) + ")";
        String all = "SELECT r.org_id AS org, " + columns + " " + untouched + " UNION ALL SELECT k.* FROM k";
        String page = "SELECT u.* FROM (" + walked + " UNION ALL SELECT k.* FROM k" + (after ? " WHERE " + afterRow("k", "org") : "") + ") u"
                + " ORDER BY u.red DESC, u.yellow DESC, u.org LIMIT " + (limit + 1) + (after ? "" : " OFFSET " + offset);
        return "WITH d AS MATERIALIZED (SELECT c.org, " + healthColumns("c.n", "c.health") + " FROM ("
                + liveCorrections(heirsMapping(heirs), "true") + ") c (org, health, n) GROUP BY c.org),"
                + " k AS MATERIALIZED (SELECT c.* FROM (" + corrected + ") c WHERE " + healthNames("c.", " <> 0 OR ") + " <> 0)"
                + sumsAndPage(all, page, " WHERE " + SNAPSHOT_OF_TODAY);
    }

    /** The rows after the keyset cursor's (parameters afterRed, afterYellow, afterOrg) in the dashboard's order. */
    private static String afterRow(String alias, String org) {
        return "(-" + alias + ".red, -" + alias + ".yellow, " + alias + "." + org
                + ") > (-CAST(:afterRed AS integer), -CAST(:afterYellow AS integer), CAST(:afterOrg AS uuid))";
    }

    /** The health columns green, yellow, red, done (in {@link Health}'s order), each after {@code prefix}, joined. */
    private static String healthNames(String prefix, String separator) {
        return String.join(separator, java.util.Arrays.stream(Health.values()).map(h -> prefix + h.name().toLowerCase()).toList());
    }

    /**
     * Per row of {@code page} (org and the four columns), the number of {@code all}'s rows and their sums beside it; one
     * row of those alone (page columns null) when the page is empty; no row unless {@code when} holds.
     */
    private static String sumsAndPage(String all, String page, String when) {
        return " SELECT p.org, p.green, p.yellow, p.red, p.done, s.orgs, s.green, s.yellow, s.red, s.done"
                + " FROM (SELECT count(*) AS orgs, COALESCE(sum(o.green), 0) AS green, COALESCE(sum(o.yellow), 0) AS yellow,"
                + " COALESCE(sum(o.red), 0) AS red, COALESCE(sum(o.done), 0) AS done FROM (" + all + ") o) s"
                + " LEFT JOIN LATERAL (" + page + ") p ON true" + when
                + " ORDER BY p.red DESC, p.yellow DESC, p.org";
    }

    /** The snapshot's counts per lead: of the query's plans, or of all plans (the fewer rows, summed at the build). */
    private String leadCounts() {
        return query.planIds() == null ? "health_snapshot_org_count" : "health_snapshot_lead_count";
    }

    /** Live health per lead of the tasks {@code tasks} selects, when {@code when} holds (a condition on no row). */
    private String countsByLead(String tasks, String leadsOfThem, String mapping, String when) {
        String healths = "(SELECT a.id, a.health FROM (" + tasks + ") a" + where() + " OFFSET 0) h";
        if (mapping == null) {
            // (task, lead) pairs are unique already (task_org's key): nothing to de-duplicate.
            return "SELECT o.org_id, h.health, CAST(count(*) AS integer) FROM " + healths + " JOIN task_org o ON o.task_id = h.id AND o.role = 'LEAD'"
                    + " WHERE " + when + " GROUP BY o.org_id, h.health";
        }
        return "SELECT l.org, h.health, CAST(count(*) AS integer) FROM " + healths + " JOIN (SELECT DISTINCT o.task_id,"
                + " COALESCE(m.heir, o.org_id) AS org FROM task_org o LEFT JOIN (" + mapping + ") m (org_id, heir) ON m.org_id = o.org_id"
                + " WHERE o.role = 'LEAD'" + leadsOfThem + ") l ON l.task_id = h.id WHERE " + when + " GROUP BY l.org, h.health";
    }

    /** The parameters of {@link #count}. */
    Map<String, Object> countParams() {
        if (!countsFromTaskOrg()) {
            return params;
        }
        Map<String, Object> some = new LinkedHashMap<>();
        some.put("orgIds", params.get("orgIds"));
        if (params.containsKey("role")) {
            some.put("role", params.get("role"));
        }
        return some;
    }

    /** Whether the list is filtered by organizations (and role) only, so that {@link #count} counts their task_org rows. */
    private boolean countsFromTaskOrg() {
        return query.orgIds() != null && query.health() == null && query.planIds() == null && outer.isEmpty()
                && (query.statuses() == null || query.statuses().isEmpty()) && query.dueBefore() == null && query.dueAfter() == null
                && query.search() == null;
    }

    /**
     * Whether the list's {@code totalCount} is {@link #countFromSnapshot}: filtered by health and plans at most, so that
     * it counts each task (of a health) once, which the snapshot counts per plan and health. Unfiltered, the list is
     * every task of the shown plans: a count of 100,000 rows live (~20 ms, bench/scale 2026-12-07), a sum of the plans'
     * counts from the snapshot.
     */
    boolean countsFromSnapshot() {
        return query.orgIds() == null && (query.statuses() == null || query.statuses().isEmpty())
                && query.dueBefore() == null && query.dueAfter() == null && query.search() == null && query.mine() == null;
    }

    /**
     * The list's count from today's snapshot: its tasks (of the health), minus those of them written since, plus the
     * tasks written since that are in the list now (derived live, by the list's own condition). Without a snapshot of
     * today, {@link #count}. PostgreSQL runs only the branch taken (each an InitPlan run when first needed).
     */
    String countFromSnapshot() {
        String changed = "ARRAY(" + CHANGED + ")";
        return "SELECT CASE WHEN " + SNAPSHOT_OF_TODAY + " THEN"
                + " (SELECT COALESCE(sum(c.tasks), 0) FROM health_snapshot_plan_count c WHERE c.day = CAST(:today AS date)"
                + ofHealth("c") + inPlans("c") + ")"
                + " - (SELECT count(*) FROM health_snapshot s WHERE s.day = CAST(:today AS date)" + ofHealth("s")
                + " AND s.task_id = ANY (" + changed + ")" + inPlans("s") + ")"
                + " + (SELECT count(*) FROM (" + inner + " AND t.id = ANY (" + changed + ")) a" + where() + ")"
                + " ELSE (" + count() + ") END";
    }

    /** The parameters of {@link #countFromSnapshot}. */
    Map<String, Object> countFromSnapshotParams() {
        Map<String, Object> all = new LinkedHashMap<>(params);
        if (query.health() != null) {
            all.put("health", query.health().name());
        }
        return all;
    }

    private String ofHealth(String alias) {
        return query.health() == null ? "" : " AND " + alias + ".health = :health";
    }

    /**
     * Today's health snapshot (V10, {@link HealthSnapshots}): every task of a visible plan with its health, its lead
     * organizations and those that owe a report or had their latest returned (V20; of {@link #forSnapshot}), in one
     * statement with the expressions of every list.
     */
    String snapshotInsert() {
        return "INSERT INTO health_snapshot (day, task_id, plan_id, health, leads, owing_orgs, returned_orgs) SELECT CAST(:today AS date),"
                + " a.id, a.plan_id, a.health, COALESCE(l.leads, CAST('{}' AS uuid[])), a.owing_orgs, a.returned_orgs FROM (" + inner + ") a"
                + " LEFT JOIN (SELECT o.task_id,"
                + " array_agg(o.org_id ORDER BY o.org_id) AS leads FROM task_org o WHERE o.role = 'LEAD' GROUP BY o.task_id) l"
                + " ON l.task_id = a.id";
    }

    private String inPlans(String alias) {
        return query.planIds() == null ? "" : " AND " + alias + ".plan_id IN (:planIds)";
    }

    /**
     * How many tasks of published plans the health rule above calls RED because their deadline passed (not because a
     * milestone is late): the ops gauge {@code planning_tasks_overdue}, counted by the same rule as every list.
     */
    String overdueInPublishedPlans() {
        return "SELECT count(*) FROM (" + inner + " AND p.status = 'PUBLISHED') a WHERE a.health = 'RED' AND a.deadline_date < :today";
    }

    /**
     * Every organization that leads a task of the query's plans (of any plan when none are named): the ids whose
     * successors the dashboard asks for. A superset of the listed tasks' leads on purpose (tasks of plans still importing
     * and every health count): asking org-service about a few more ids costs nothing, while narrowing them to the list
     * derived every task's health a second time (0.9 s of the all-plans dashboard's 100k-task run, bench/scale); this
     * reads {@code task_org_org_idx} only, or today's snapshot.
     */
    String leads() {
        String live = query.planIds() == null ? "SELECT o.org_id FROM task_org o WHERE o.role = 'LEAD'"
                : "SELECT o.org_id FROM task_org o JOIN task t ON t.id = o.task_id WHERE o.role = 'LEAD' AND t.plan_id IN (:planIds)";
        // With today's snapshot: the leads it counts and those of the tasks written since (V10), not all 200,000 lead rows.
        return "SELECT c.org_id FROM " + leadCounts() + " c WHERE c.day = CAST(:today AS date)" + inPlans("c")
                + " AND " + SNAPSHOT_OF_TODAY
                + " UNION SELECT o.org_id FROM task_org o WHERE o.role = 'LEAD' AND o.task_id = ANY (ARRAY(" + CHANGED + ")) AND "
                + SNAPSHOT_OF_TODAY
                + " UNION " + live + " AND NOT " + SNAPSHOT_OF_TODAY;
    }

    /** The parameters of {@link #leads}. */
    Map<String, Object> leadParams() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("today", params.get("today"));
        if (query.planIds() != null) {
            all.put("planIds", query.planIds());
        }
        return all;
    }

    private String where() {
        return outer.isEmpty() ? "" : " WHERE " + String.join(" AND ", outer);
    }

    /** The conditions on the inbox's flags ({@link #where}'s) to add to a WHERE clause of the list's rows, "" for none. */
    private String andOuter() {
        return outer.isEmpty() ? "" : " AND " + String.join(" AND ", outer);
    }

    private String orderBy() {
        TaskSort sort = query.sortBy() == null ? TaskSort.NUMBER : query.sortBy();
        String dir = direction();
        String key = switch (sort) {
            case NUMBER -> "a.plan_id " + dir + ", a.position " + dir;
            case HEALTH -> HEALTH_RANK + " " + dir;
            case DEADLINE, PROGRESS, UPDATED, TITLE -> SORT_VALUES.get(sort) + " " + dir + (nullable(sort) ? " NULLS LAST" : "");
        };
        return key + ", a.id";
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** PostgreSQL reads a bare offset such as '+08:00' with the POSIX sign (the reverse); region ids are unambiguous. */
    public static String sqlZone(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized instanceof ZoneOffset offset) {
            int seconds = offset.getTotalSeconds();
            if (seconds % 3600 != 0) {
                throw new IllegalStateException("planning.time-zone must be a region or a whole-hour offset: " + zone);
            }
            int hours = seconds / 3600;
            return hours == 0 ? "UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
        }
        return normalized.getId();
    }
}
