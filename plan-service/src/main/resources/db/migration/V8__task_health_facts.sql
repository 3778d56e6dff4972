-- What a task's health is judged on besides the task and its plan, kept per task by the database itself
-- (docs/decisions/0003): the latest report that was not returned, the latest reported percent, the earliest due day of
-- a milestone not done. Health stays derived at read time from these facts and "today" (TaskListSql); this table
-- only spares every list and dashboard a probe of progress_report and milestone per task of its scope (issue #15).
-- Triggers keep it for every write, whichever code path (or COPY) makes it; nothing writes it by hand.
CREATE TABLE task_facts (
    task_id                uuid PRIMARY KEY REFERENCES task (id) ON DELETE CASCADE,
    last_report_at         timestamptz,
    last_percent           integer,
    first_open_milestone   date
);

CREATE FUNCTION task_facts_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- Two writers of one task's reports would each compute from a snapshot without the other's row: the row lock makes
    -- the second wait, and its recomputation (a new statement, a new snapshot in READ COMMITTED) sees the first's.
    INSERT INTO task_facts (task_id) SELECT t.id FROM task t WHERE t.id = ANY (ids) ORDER BY t.id ON CONFLICT DO NOTHING;
    PERFORM 1 FROM task_facts f WHERE f.task_id = ANY (ids) ORDER BY f.task_id FOR UPDATE;
    UPDATE task_facts f SET
        last_report_at = (SELECT max(r.reported_at) FROM progress_report r WHERE r.task_id = f.task_id AND r.status <> 'RETURNED'),
        last_percent = (SELECT r.percent FROM progress_report r WHERE r.task_id = f.task_id AND r.status <> 'RETURNED'
                        AND r.percent IS NOT NULL ORDER BY r.reported_at DESC LIMIT 1),
        first_open_milestone = (SELECT min(m.due_date) FROM milestone m WHERE m.task_id = f.task_id AND NOT m.done)
    WHERE f.task_id = ANY (ids);
END $$;

-- Statement-level: a COPY or a multi-row write refreshes each task once. A branch reads only the transition tables its
-- event has (PL/pgSQL plans a statement when it first runs it).
CREATE FUNCTION task_facts_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM task_facts_refresh(ARRAY(SELECT DISTINCT n.task_id FROM new_rows n));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM task_facts_refresh(ARRAY(SELECT DISTINCT o.task_id FROM old_rows o));
    ELSE
        PERFORM task_facts_refresh(ARRAY(SELECT n.task_id FROM new_rows n UNION SELECT o.task_id FROM old_rows o));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER progress_report_facts_insert AFTER INSERT ON progress_report
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_facts_after_write();
CREATE TRIGGER progress_report_facts_update AFTER UPDATE ON progress_report
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION task_facts_after_write();
CREATE TRIGGER progress_report_facts_delete AFTER DELETE ON progress_report
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION task_facts_after_write();
CREATE TRIGGER milestone_facts_insert AFTER INSERT ON milestone
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_facts_after_write();
CREATE TRIGGER milestone_facts_update AFTER UPDATE ON milestone
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION task_facts_after_write();
CREATE TRIGGER milestone_facts_delete AFTER DELETE ON milestone
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION task_facts_after_write();

-- The tasks there already.
SELECT task_facts_refresh(ARRAY(SELECT t.id FROM task t));
