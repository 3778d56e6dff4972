-- The count of a list filtered by organizations only (the inbox, an organization's subtree) reads the tasks of those
-- organizations from task_org alone (TaskListSql#count): an index-only range per organization instead of a probe of
-- task and plan per task (issue #15: 教育厅's 2,312 tasks, a prefecture's 10,000).
CREATE INDEX task_org_org_task_idx ON task_org (org_id, role, task_id);
