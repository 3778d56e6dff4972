-- Indexes for the health-filtered lists at a province's scale (issue #15, docs/decisions/0003). Health stays derived at
-- read time; these index what does not depend on "today": a task not completed and not ongoing is the only kind that
-- can be red (deadline or a milestone passed), so a red list walks the open dated tasks in its order and stops at the
-- page's end, and its count reads only them, not every task of the scope.
CREATE INDEX task_open_dated_order_idx ON task (plan_id, position, id) WHERE status <> 'COMPLETED' AND NOT deadline_ongoing;
CREATE INDEX task_open_dated_deadline_idx ON task (deadline_date, id) WHERE status <> 'COMPLETED' AND NOT deadline_ongoing;
CREATE INDEX task_facts_open_milestone_idx ON task_facts (first_open_milestone, task_id) WHERE first_open_milestone IS NOT NULL;

-- The default order of a task list (document order, ties by id) as one index: keyset pages start right after the
-- cursor's row instead of counting off the rows before it.
CREATE INDEX task_document_order_idx ON task (plan_id, position, id);
DROP INDEX task_plan_idx;
