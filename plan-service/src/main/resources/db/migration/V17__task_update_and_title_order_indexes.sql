-- Task lists by last update and by title (sortBy: UPDATED, TITLE) page in these orders, ties broken by id: with an
-- index on each the first page, and the page after a keyset cursor, read a page's worth of the index instead of
-- sorting every task of the list (bench/scale, 2026-12-07: the first page of 100,000 tasks 31–88 ms of SQL, ~1 ms with).
-- PROGRESS (the latest percent, kept in task_facts, absent for a task never reported on) still sorts the list's rows.
CREATE INDEX task_updated_idx ON task (updated_at, id);
CREATE INDEX task_title_idx ON task (title, id);
