-- Today's health of every task as of one moment, plus the tasks written since (docs/decisions/0010): the dashboard and
-- the health lists' counts add the changed tasks' live health (TaskListSql's expression over just those ids) to the
-- snapshot's counts without them, so they answer exactly what the live derivation over all tasks would, without
-- deriving 10^5 tasks' health per request (issue #15). Built by HealthSnapshots in one REPEATABLE READ transaction.

-- The one row builds serialize on: the day the snapshot below is of (NULL: none). A build updates it first; a second
-- build of an overlapping transaction fails on it (serialization failure) instead of writing a second snapshot.
CREATE TABLE health_snapshot_state (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    day        date,
    built_at   timestamptz
);
INSERT INTO health_snapshot_state (only_row) VALUES (true);

-- Each task's health on `day` and its lead organizations then (the changed tasks' old contribution is taken back by them).
CREATE TABLE health_snapshot (
    day        date NOT NULL,
    task_id    uuid NOT NULL,
    plan_id    uuid NOT NULL,
    health     varchar(8) NOT NULL,
    leads      uuid[] NOT NULL,
    PRIMARY KEY (day, task_id)
);

-- The snapshot counted per plan, lead organization and health (the dashboard: a task counts for each of its leads) ...
CREATE TABLE health_snapshot_lead_count (
    day        date NOT NULL,
    plan_id    uuid NOT NULL,
    org_id     uuid NOT NULL,
    health     varchar(8) NOT NULL,
    tasks      integer NOT NULL,
    PRIMARY KEY (day, plan_id, org_id, health)
);

-- ... the same over all plans (the dashboard of every plan reads 18k rows instead of 30k at 10^5 tasks) ...
CREATE TABLE health_snapshot_org_count (
    day        date NOT NULL,
    org_id     uuid NOT NULL,
    health     varchar(8) NOT NULL,
    tasks      integer NOT NULL,
    PRIMARY KEY (day, org_id, health)
);

-- ... and per plan and health (the lists' totalCount: a task counts once).
CREATE TABLE health_snapshot_plan_count (
    day        date NOT NULL,
    plan_id    uuid NOT NULL,
    health     varchar(8) NOT NULL,
    tasks      integer NOT NULL,
    PRIMARY KEY (day, plan_id, health)
);

-- Tasks written since the snapshot's MVCC snapshot, appended (never updated) in the writer's transaction: a build
-- deletes only the rows its own snapshot sees, so a write that commits during a build stays changed.
CREATE TABLE health_change (
    task_id    uuid NOT NULL
);

-- Statement-level, like task_facts' triggers (a COPY appends once per statement). task_facts follows progress_report
-- and milestone (V8), so these four tables are every input of the health expression besides "today".
CREATE FUNCTION health_change_after_task_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO health_change (task_id) SELECT n.id FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO health_change (task_id) SELECT o.id FROM old_rows o;
    ELSE
        INSERT INTO health_change (task_id) SELECT n.id FROM new_rows n UNION SELECT o.id FROM old_rows o;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION health_change_after_fact_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO health_change (task_id) SELECT DISTINCT n.task_id FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO health_change (task_id) SELECT DISTINCT o.task_id FROM old_rows o;
    ELSE
        INSERT INTO health_change (task_id) SELECT n.task_id FROM new_rows n UNION SELECT o.task_id FROM old_rows o;
    END IF;
    RETURN NULL;
END $$;

-- A plan's cadence, issue day and hidden flag enter its tasks' health; any update of a plan marks its tasks (plans
-- change rarely; a deleted plan's tasks are deleted by the cascade, which the task trigger records).
CREATE FUNCTION health_change_after_plan_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO health_change (task_id) SELECT t.id FROM task t WHERE t.plan_id IN (SELECT n.id FROM new_rows n);
    RETURN NULL;
END $$;

CREATE TRIGGER task_health_change_insert AFTER INSERT ON task
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION health_change_after_task_write();
CREATE TRIGGER task_health_change_update AFTER UPDATE ON task
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION health_change_after_task_write();
CREATE TRIGGER task_health_change_delete AFTER DELETE ON task
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION health_change_after_task_write();
CREATE TRIGGER task_org_health_change_insert AFTER INSERT ON task_org
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION health_change_after_fact_write();
CREATE TRIGGER task_org_health_change_update AFTER UPDATE ON task_org
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION health_change_after_fact_write();
CREATE TRIGGER task_org_health_change_delete AFTER DELETE ON task_org
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION health_change_after_fact_write();
CREATE TRIGGER task_facts_health_change_insert AFTER INSERT ON task_facts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION health_change_after_fact_write();
CREATE TRIGGER task_facts_health_change_update AFTER UPDATE ON task_facts
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION health_change_after_fact_write();
CREATE TRIGGER task_facts_health_change_delete AFTER DELETE ON task_facts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION health_change_after_fact_write();
CREATE TRIGGER plan_health_change_update AFTER UPDATE ON plan
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION health_change_after_plan_update();
