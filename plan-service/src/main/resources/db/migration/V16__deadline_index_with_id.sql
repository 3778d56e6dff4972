-- A page by deadline at an offset (a client holding an offset cursor) skips every task before it. With the id and the
-- plan in the index that walk is index-only (the page's order is deadline, then id; the plan is what hides a task of
-- a plan being imported), where the deadline alone fetched each skipped task's row: the page at 60 % of 100,000 tasks
-- took 91–162 ms of SQL, 19–27 ms with this index (bench/scale, 2026-12-07). A keyset cursor seeks in it the same way.
DROP INDEX task_deadline_idx;
CREATE INDEX task_deadline_idx ON task (deadline_date, id) INCLUDE (plan_id);
