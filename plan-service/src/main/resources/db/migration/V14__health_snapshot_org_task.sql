-- The inbox's page by health from today's snapshot (docs/decisions/0018, issue #15): per organization responsible for a
-- task of the snapshot (task_org: lead or cooperating), the task's health then, so that the reporter's organization
-- leads an index in the inbox's order (health, then task id) and a page reads about a page of rows however many tasks
-- the organization has (教育厅: 2,312 at 10^5 tasks). TaskListSql#pageFromSnapshot walks it; the tasks written since the
-- snapshot (health_change) are left out of the walk and derived live.
CREATE TABLE health_snapshot_org_task (
    day        date NOT NULL,
    org_id     uuid NOT NULL,
    health     varchar(8) NOT NULL,
    task_id    uuid NOT NULL,
    role       varchar(20) NOT NULL,
    PRIMARY KEY (day, org_id, health, task_id) INCLUDE (role)
);

-- Kept by triggers on health_snapshot, which a build replaces as a whole (DELETE, then one INSERT ... SELECT) in its
-- REPEATABLE READ transaction: the rows are of the build's own MVCC snapshot of task_org, and a build of the previous
-- release (which knows nothing of this table) keeps them too while a rolling upgrade runs both.
CREATE FUNCTION health_snapshot_org_task_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO health_snapshot_org_task (day, org_id, health, task_id, role)
    SELECT n.day, o.org_id, n.health, n.task_id, o.role FROM new_rows n JOIN task_org o ON o.task_id = n.task_id;
    RETURN NULL;
END $$;

-- Everything, not only the deleted tasks' rows: the snapshot is only ever replaced as a whole, and rows a build's MVCC
-- snapshot could not see (written by this migration during an overlapping build) go with the next build.
CREATE FUNCTION health_snapshot_org_task_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM health_snapshot_org_task;
    RETURN NULL;
END $$;

CREATE TRIGGER health_snapshot_org_task_insert AFTER INSERT ON health_snapshot
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION health_snapshot_org_task_after_insert();
CREATE TRIGGER health_snapshot_org_task_delete AFTER DELETE ON health_snapshot
    FOR EACH STATEMENT EXECUTE FUNCTION health_snapshot_org_task_after_delete();

-- The snapshot there is now: a task's task_org rows are those of the snapshot's moment unless the task was written
-- since, and those tasks are in health_change, which reads leave out of the walk.
INSERT INTO health_snapshot_org_task (day, org_id, health, task_id, role)
SELECT s.day, o.org_id, s.health, s.task_id, o.role FROM health_snapshot s JOIN task_org o ON o.task_id = s.task_id;
