-- The inbox's 待填报 and 被退回 (myTasks(reportDue: true), myTasks(returned: true)) from today's snapshot
-- (docs/decisions/0028, issue #15): per organization and task, whether that organization owed a report for the current
-- period when the snapshot was built, and whether its latest report had been returned, so that their counts and pages
-- read the organization's entries instead of deriving each of its tasks (教育厅: 2,312 at 10^5 tasks, a probe of
-- progress_report each).
--
-- The build writes per task the organizations of which each flag holds (TaskListSql, the inbox's own expressions for
-- one organization at a time), and the trigger below copies them onto each organization's entry. The tasks written
-- since are in health_change as for health: a report's every write refreshes task_facts (V8), which marks its task.
ALTER TABLE health_snapshot ADD COLUMN owing_orgs uuid[];
ALTER TABLE health_snapshot ADD COLUMN returned_orgs uuid[];
ALTER TABLE health_snapshot_org_task ADD COLUMN report_owed boolean;
ALTER TABLE health_snapshot_org_task ADD COLUMN report_returned boolean;
-- The day whose snapshot a build of this version wrote with the flags. A build of the previous version (a rolling
-- upgrade runs both, docs/decisions/0004) writes none, and its DELETE of the snapshot clears the day below, so reads
-- derive the flags live until a build of this version has run.
ALTER TABLE health_snapshot_state ADD COLUMN inbox_flags_day date;

CREATE OR REPLACE FUNCTION health_snapshot_org_task_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO health_snapshot_org_task (day, org_id, health, task_id, role, report_owed, report_returned)
    SELECT n.day, o.org_id, n.health, n.task_id, o.role, o.org_id = ANY (n.owing_orgs), o.org_id = ANY (n.returned_orgs)
    FROM new_rows n JOIN task_org o ON o.task_id = n.task_id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION health_snapshot_org_task_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM health_snapshot_org_task;
    UPDATE health_snapshot_state SET inbox_flags_day = NULL;
    RETURN NULL;
END $$;
