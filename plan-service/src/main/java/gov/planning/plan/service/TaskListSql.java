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

/**
 * The SQL of a task list: health ({@link HealthRule}, restated in SQL so that lists filter, sort, count and page in
 * the database; TaskListApiTest keeps both the same), the inbox's flags, filters, order and page. A task's latest
 * report, latest percent and earliest open milestone are read from {@code task_facts}, which triggers keep
 * (V8, docs/decisions/0003), never from all its reports and milestones.
 */
public final class TaskListSql {

    /**
     * "The caller's organization still owes a report": none of its reports for the current period of the task's cadence
     * is open (submitted or approved), the task is not completed and its cycle still runs in that period.
     */
    private static final String REPORT_DUE = "(t.status <> 'COMPLETED'"
            + " AND cy.period_start <= COALESCE(" + ReportingCycle.LAST_DAY_SQL + ", cy.period_start) AND NOT EXISTS (SELECT 1 FROM progress_report r"
            + " WHERE r.task_id = t.id AND r.org_id IN (:mine) AND r.status <> 'RETURNED' AND r.period = cy.current_period))";
    /** "Returned to me": the latest report of the caller's organizations was returned. */
    private static final String RETURNED = "COALESCE((SELECT r.status FROM progress_report r WHERE r.task_id = t.id"
            + " AND r.org_id IN (:mine) ORDER BY r.reported_at DESC, r.id DESC LIMIT 1) = 'RETURNED', false)";

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
    private static final String HEALTH = "CASE WHEN " + DONE + " THEN 'DONE'"
            + " WHEN " + RED + " THEN 'RED'"
            + " WHEN t.deadline_ongoing THEN CASE WHEN " + REPORT_MISSING + " THEN 'YELLOW' ELSE 'GREEN' END"
            + " WHEN t.deadline_date - CAST(:today AS date) <= " + HealthRule.DUE_SOON_DAYS + " THEN 'YELLOW'"
            + " WHEN " + REPORT_MISSING + " OR " + BEHIND + " THEN 'YELLOW'"
            + " ELSE 'GREEN' END";

    private final StringBuilder inner = new StringBuilder();
    private final List<String> outer = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final TaskQuery query;

    TaskListSql(TaskQuery query, LocalDate today, ZoneId zone) {
        this.query = query;
        boolean inbox = query.mine() != null;
        params.put("today", today);
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
        inner.append("SELECT t.id, t.plan_id, t.position, t.title, t.deadline_date, t.updated_at, f.last_percent AS progress, ")
                .append(HEALTH).append(" AS health, ")
                .append(inbox ? REPORT_DUE : "false").append(" AS report_due, ")
                .append(inbox ? RETURNED : "false").append(" AS returned")
                .append(" FROM task t JOIN plan p ON p.id = t.plan_id AND NOT p.importing")
                .append(" CROSS JOIN LATERAL (SELECT COALESCE(t.report_cadence, p.report_cadence) AS cadence) cc")
                .append(" CROSS JOIN LATERAL (SELECT ").append(cycles).append(") cy")
                .append(" CROSS JOIN LATERAL (SELECT COALESCE(p.issued_on, CAST(t.created_at AT TIME ZONE :zone AS date)) AS start_day) st")
                .append(" LEFT JOIN task_facts f ON f.task_id = t.id")
                .append(" WHERE true");
        if (inbox) {
            params.put("mine", query.mine());
        }
        if (query.planIds() != null) {
            params.put("planIds", query.planIds());
            inner.append(" AND t.plan_id IN (:planIds)");
        }
        if (query.orgIds() != null) {
            params.put("orgIds", idArray(query.orgIds()));
            inner.append(" AND t.id IN (SELECT o.task_id FROM task_org o WHERE o.org_id IN ").append(idsOf("orgIds"));
            if (query.role() != null && query.role() != TaskRole.ANY) {
                params.put("role", query.role().name());
                inner.append(" AND o.role = :role");
            }
            inner.append(")");
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
        if (query.health() == Health.RED || query.health() == Health.DONE) {
            inner.append(" AND ").append(query.health() == Health.RED ? RED : DONE);
        } else if (query.health() != null) {
            // Yellow and green are the rest of the expression; only "not completed" is a column to narrow by first.
            params.put("health", query.health().name());
            inner.append(" AND NOT ").append(DONE);
            outer.add("a.health = :health");
        }
        if (query.reportDue() != null) {
            outer.add(query.reportDue() ? "a.report_due" : "NOT a.report_due");
        }
        if (query.returned() != null) {
            outer.add(query.returned() ? "a.returned" : "NOT a.returned");
        }
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
     * Ids and inbox flags of the page, in order. After a keyset cursor in document order the page starts right after
     * the cursor's task (a range of {@code task_document_order_idx}); otherwise it skips {@code offset} rows.
     */
    String page() {
        TaskQuery.DocumentKey after = seek();
        String where = where();
        if (after != null) {
            where += (where.isEmpty() ? " WHERE " : " AND ") + "(a.plan_id, a.position, a.id) "
                    + (SortOrder.sql(query.order(), SortOrder.ASC).equals("DESC") ? "<" : ">")
                    + " (CAST(:afterPlan AS uuid), :afterPosition, CAST(:afterId AS uuid))";
        }
        return "SELECT a.id, a.report_due, a.returned FROM (" + inner + ") a" + where + " ORDER BY " + orderBy()
                + " LIMIT " + query.limit() + " OFFSET " + (after != null ? 0 : query.offset());
    }

    /**
     * The page of every plan of the query's plans at once, each plan's list numbered and counted on its own (window
     * functions): per row the plan, the task, the inbox flags, the row's number in its plan's list and the plan's total.
     * Each plan's first row comes even when outside the page, so that a plan asked only for its count has one.
     */
    String pagesPerPlan() {
        int from = query.offset();
        int to = query.offset() + query.limit();
        return "SELECT b.plan_id, b.id, b.report_due, b.returned, b.n, b.total FROM (SELECT a.plan_id, a.id, a.report_due, a.returned,"
                + " row_number() OVER (PARTITION BY a.plan_id ORDER BY " + orderBy() + ") AS n,"
                + " count(*) OVER (PARTITION BY a.plan_id) AS total FROM (" + inner + ") a" + where() + ") b"
                + " WHERE b.n = 1 OR (b.n > " + from + " AND b.n <= " + to + ") ORDER BY b.plan_id, b.n";
    }

    /** The parameters of {@link #page}: the list's and the keyset cursor's. */
    Map<String, Object> pageParams() {
        TaskQuery.DocumentKey after = seek();
        if (after == null) {
            return params;
        }
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("afterPlan", after.planId().toString());
        all.put("afterPosition", after.position());
        all.put("afterId", after.id().toString());
        return all;
    }

    /** The cursor's task to start after, when the list is in the order its key is of. */
    private TaskQuery.DocumentKey seek() {
        return query.inDocumentOrder() ? query.after() : null;
    }

    String count() {
        if (query.health() == Health.RED) {
            // Red by its deadline, or else by an open milestone: two disjoint ranges of V9's indexes, so that the count
            // reads the red tasks rather than every open task of the scope.
            return "SELECT (SELECT count(*) FROM (" + inner + " AND t.deadline_date < :today) a" + where() + ")"
                    + " + (SELECT count(*) FROM (" + inner + " AND (t.deadline_date IS NULL OR t.deadline_date >= :today)"
                    + " AND f.first_open_milestone < :today) a" + where() + ")";
        }
        return "SELECT count(*) FROM (" + inner + ") a" + where();
    }

    /**
     * Per lead organization and health, how many tasks: every lead of a task counts, a lead a reform replaced counts as
     * its current successor ({@code heirs}), and a task led by both counts once. The heirs are inlined as a VALUES
     * list: they are UUIDs (no text of a user's), and few (the replaced organizations among the leads). Each task's
     * health is derived once, in one pass over the tasks and their facts, before the fan-out to its leads: the fence
     * ({@code OFFSET 0}) keeps PostgreSQL from evaluating it, and probing the facts, once per lead row (bench/scale).
     */
    String healthCountsByLead(Map<UUID, UUID> heirs) {
        String tasks = "(SELECT a.id, a.health FROM (" + inner + ") a" + where() + " OFFSET 0) h";
        if (heirs.isEmpty()) {
            // (task, lead) pairs are unique already (task_org's key): nothing to de-duplicate.
            return "SELECT o.org_id, h.health, count(*) FROM " + tasks + " JOIN task_org o ON o.task_id = h.id AND o.role = 'LEAD'"
                    + " GROUP BY o.org_id, h.health";
        }
        String mapping = "VALUES " + heirs.entrySet().stream().map(e -> "('" + e.getKey() + "'::uuid, '" + e.getValue() + "'::uuid)")
                .collect(java.util.stream.Collectors.joining(", "));
        return "SELECT l.org, h.health, count(*) FROM " + tasks + " JOIN (SELECT DISTINCT o.task_id,"
                + " COALESCE(m.heir, o.org_id) AS org FROM task_org o LEFT JOIN (" + mapping + ") m (org_id, heir) ON m.org_id = o.org_id"
                + " WHERE o.role = 'LEAD') l ON l.task_id = h.id GROUP BY l.org, h.health";
    }

    /**
     * How many tasks of published plans the health rule above calls RED because their deadline passed (not because a
     * milestone is late): the ops gauge {@code planning_tasks_overdue}, counted by the same rule as every list.
     */
    String overdueInPublishedPlans() {
        return "SELECT count(*) FROM (" + inner + " AND p.status = 'PUBLISHED') a WHERE a.health = 'RED' AND a.deadline_date < :today";
    }

    /** The distinct lead organizations of the listed tasks (whose successors the dashboard asks for). */
    String leads() {
        return "SELECT DISTINCT o.org_id FROM task_org o WHERE o.role = 'LEAD' AND o.task_id IN (SELECT a.id FROM (" + inner + ") a" + where() + ")";
    }

    private String where() {
        return outer.isEmpty() ? "" : " WHERE " + String.join(" AND ", outer);
    }

    private String orderBy() {
        TaskSort sort = query.sortBy() == null ? TaskSort.NUMBER : query.sortBy();
        String dir = SortOrder.sql(query.order(), SortOrder.ASC);
        String key = switch (sort) {
            case NUMBER -> "a.plan_id " + dir + ", a.position " + dir;
            case DEADLINE -> "a.deadline_date " + dir + " NULLS LAST";
            case HEALTH -> "CASE a.health WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 WHEN 'GREEN' THEN 2 ELSE 3 END " + dir;
            case PROGRESS -> "a.progress " + dir + " NULLS LAST";
            case UPDATED -> "a.updated_at " + dir;
            case TITLE -> "a.title " + dir;
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
