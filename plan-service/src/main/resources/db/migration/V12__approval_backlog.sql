-- How many reports await approval, per lead organization, kept by the database in the writer's transaction
-- (docs/decisions/0011, the same way as task_facts in 0003): the approval queue's count for a scope that holds every
-- organization with a backlog (a province planner, an admin) is a sum over this table instead of a count of every
-- submitted report (issue #15). Triggers keep it for every write, whichever code path (or COPY) makes it. The reports
-- of tasks without a lead (an import may save one) count for the nil uuid, so that the sum over all rows is every
-- submitted report (an admin's queue). Plans still importing hold no reports (they are hidden from every write).
CREATE TABLE approval_backlog (
    org_id        uuid PRIMARY KEY,
    -- SUBMITTED reports on the tasks this organization leads
    reports       bigint NOT NULL DEFAULT 0,
    -- of those, the reports of the tasks where it is the lead with the smallest id: summed over all organizations,
    -- each report once however many organizations lead its task
    first_reports bigint NOT NULL DEFAULT 0
);

-- The task_facts rows of the tasks as their lock (V8 takes the same, in the same order): a writer of a task's reports
-- and a writer of its leads apply their changes one after the other, the second reading the first's committed rows.
CREATE FUNCTION approval_backlog_lock(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO task_facts (task_id) SELECT t.id FROM task t WHERE t.id = ANY (ids) ORDER BY t.id ON CONFLICT DO NOTHING;
    PERFORM 1 FROM task_facts f WHERE f.task_id = ANY (ids) ORDER BY f.task_id FOR UPDATE;
END $$;

-- Per task, how many SUBMITTED reports a statement added (negative: removed): added to each of the task's leads. A task
-- that no longer exists was taken out before its deletion (approval_backlog_before_task_delete).
CREATE FUNCTION approval_backlog_reports_changed(ids uuid[], deltas bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    PERFORM approval_backlog_lock(ids);
    INSERT INTO approval_backlog AS b (org_id, reports, first_reports)
    SELECT coalesce(l.org_id, '00000000-0000-0000-0000-000000000000'), sum(c.delta),
           coalesce(sum(c.delta) FILTER (WHERE l.first IS NOT FALSE), 0)
    FROM unnest(ids, deltas) AS c (task_id, delta)
    LEFT JOIN (SELECT o.task_id, o.org_id, o.org_id = first_value(o.org_id) OVER (PARTITION BY o.task_id ORDER BY o.org_id) AS first
          FROM task_org o WHERE o.task_id = ANY (ids) AND o.role = 'LEAD') l ON l.task_id = c.task_id
    WHERE c.delta <> 0 AND EXISTS (SELECT 1 FROM task t WHERE t.id = c.task_id)
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (org_id) DO UPDATE SET reports = b.reports + excluded.reports, first_reports = b.first_reports + excluded.first_reports;
END $$;

-- A statement changed task_org rows (added: new_rows, removed: old_rows): the tasks' SUBMITTED reports move from the
-- leads before it (today's leads without the added, with the removed) to today's leads.
CREATE FUNCTION approval_backlog_leads_changed(added task_org[], removed task_org[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    -- of tasks that still exist (a deleted one was taken out before)
    ids uuid[] := ARRAY(SELECT t.id FROM task t WHERE t.id IN (SELECT a.task_id FROM unnest(added) a WHERE a.role = 'LEAD'
                        UNION SELECT r.task_id FROM unnest(removed) r WHERE r.role = 'LEAD'));
BEGIN
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    PERFORM approval_backlog_lock(ids);
    WITH submitted AS (
        SELECT r.task_id, count(*) AS n FROM progress_report r WHERE r.task_id = ANY (ids) AND r.status = 'SUBMITTED'
        GROUP BY r.task_id),
    after_leads AS (SELECT o.task_id, o.org_id FROM task_org o WHERE o.task_id = ANY (ids) AND o.role = 'LEAD'),
    before_leads AS (
        (SELECT task_id, org_id FROM after_leads EXCEPT SELECT a.task_id, a.org_id FROM unnest(added) a WHERE a.role = 'LEAD')
        UNION SELECT r.task_id, r.org_id FROM unnest(removed) r WHERE r.role = 'LEAD'),
    -- a task without a lead: the nil uuid
    after AS (SELECT task_id, org_id FROM after_leads UNION ALL SELECT i.id, '00000000-0000-0000-0000-000000000000'::uuid
              FROM unnest(ids) AS i (id) WHERE NOT EXISTS (SELECT 1 FROM after_leads a WHERE a.task_id = i.id)),
    before AS (SELECT task_id, org_id FROM before_leads UNION ALL SELECT i.id, '00000000-0000-0000-0000-000000000000'::uuid
               FROM unnest(ids) AS i (id) WHERE NOT EXISTS (SELECT 1 FROM before_leads b WHERE b.task_id = i.id)),
    signed AS (
        SELECT task_id, org_id, 1 AS sign, org_id = first_value(org_id) OVER (PARTITION BY task_id ORDER BY org_id) AS first FROM after
        UNION ALL
        SELECT task_id, org_id, -1, org_id = first_value(org_id) OVER (PARTITION BY task_id ORDER BY org_id) FROM before)
    INSERT INTO approval_backlog AS b (org_id, reports, first_reports)
    SELECT g.org_id, sum(g.sign * s.n), coalesce(sum(g.sign * s.n) FILTER (WHERE g.first), 0)
    FROM signed g JOIN submitted s ON s.task_id = g.task_id
    GROUP BY g.org_id ORDER BY g.org_id
    ON CONFLICT (org_id) DO UPDATE SET reports = b.reports + excluded.reports, first_reports = b.first_reports + excluded.first_reports;
END $$;

-- Statement-level, as V8: a COPY or a multi-row write is one pass. A branch reads only the transition tables its event has.
CREATE FUNCTION approval_backlog_after_report_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
    deltas bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(n.task_id ORDER BY n.task_id), array_agg(n.d ORDER BY n.task_id) INTO ids, deltas
        FROM (SELECT task_id, count(*) AS d FROM new_rows WHERE status = 'SUBMITTED' GROUP BY task_id) n;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(o.task_id ORDER BY o.task_id), array_agg(o.d ORDER BY o.task_id) INTO ids, deltas
        FROM (SELECT task_id, -count(*) AS d FROM old_rows WHERE status = 'SUBMITTED' GROUP BY task_id) o;
    ELSE
        SELECT array_agg(c.task_id ORDER BY c.task_id), array_agg(c.d ORDER BY c.task_id) INTO ids, deltas
        FROM (SELECT task_id, sum(d) AS d FROM (
                  SELECT task_id, 1 AS d FROM new_rows WHERE status = 'SUBMITTED'
                  UNION ALL SELECT task_id, -1 FROM old_rows WHERE status = 'SUBMITTED') x
              GROUP BY task_id HAVING sum(d) <> 0) c;
    END IF;
    PERFORM approval_backlog_reports_changed(coalesce(ids, '{}'), coalesce(deltas, '{}'));
    RETURN NULL;
END $$;

CREATE FUNCTION approval_backlog_after_lead_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM approval_backlog_leads_changed(ARRAY(SELECT CAST(n AS task_org) FROM new_rows n), '{}');
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM approval_backlog_leads_changed('{}', ARRAY(SELECT CAST(o AS task_org) FROM old_rows o));
    ELSE
        PERFORM approval_backlog_leads_changed(ARRAY(SELECT CAST(n AS task_org) FROM new_rows n),
                                               ARRAY(SELECT CAST(o AS task_org) FROM old_rows o));
    END IF;
    RETURN NULL;
END $$;

-- A deleted task's reports and leads go by cascade, and each of those statements' triggers would find the other
-- already gone: the task's share is taken out while both are there, and those triggers skip tasks that no longer exist.
CREATE FUNCTION approval_backlog_before_task_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM approval_backlog_reports_changed(ARRAY[OLD.id],
        ARRAY[-(SELECT count(*) FROM progress_report r WHERE r.task_id = OLD.id AND r.status = 'SUBMITTED')]);
    RETURN OLD;
END $$;

CREATE TRIGGER task_backlog_delete BEFORE DELETE ON task FOR EACH ROW EXECUTE FUNCTION approval_backlog_before_task_delete();
CREATE TRIGGER progress_report_backlog_insert AFTER INSERT ON progress_report
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION approval_backlog_after_report_write();
CREATE TRIGGER progress_report_backlog_update AFTER UPDATE ON progress_report
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION approval_backlog_after_report_write();
CREATE TRIGGER progress_report_backlog_delete AFTER DELETE ON progress_report
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION approval_backlog_after_report_write();
CREATE TRIGGER task_org_backlog_insert AFTER INSERT ON task_org
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION approval_backlog_after_lead_write();
CREATE TRIGGER task_org_backlog_update AFTER UPDATE ON task_org
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION approval_backlog_after_lead_write();
CREATE TRIGGER task_org_backlog_delete AFTER DELETE ON task_org
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION approval_backlog_after_lead_write();

-- The reports there already.
INSERT INTO approval_backlog (org_id, reports, first_reports)
SELECT coalesce(o.org_id, '00000000-0000-0000-0000-000000000000'), count(*), count(*) FILTER (WHERE o.org_id = f.first OR o.org_id IS NULL)
FROM progress_report r
LEFT JOIN task_org o ON o.task_id = r.task_id AND o.role = 'LEAD'
LEFT JOIN (SELECT DISTINCT ON (task_id) task_id, org_id AS first FROM task_org WHERE role = 'LEAD' ORDER BY task_id, org_id) f
    ON f.task_id = r.task_id
WHERE r.status = 'SUBMITTED'
GROUP BY 1;
