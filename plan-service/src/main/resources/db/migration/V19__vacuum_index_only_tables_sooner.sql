-- Counts and pages read task_org, task and task_facts from their indexes alone (V13, V16, V18), which holds only for
-- heap pages the visibility map marks all-visible; any other page costs a fetch of the row for each of its entries.
-- Only VACUUM sets the marks, and by default autovacuum comes when 20 % of a table's rows were written since the last:
-- 70,000 task_org rows at 10^5 tasks (about a hundred imported plans), and the newest plans, the most read, are on the
-- unmarked pages. At 10^5 tasks a prefecture's count (35,000 task_org entries) took 26 ms of SQL with every page
-- marked and 60–73 ms with none; its list through the gateway 64–84 ms p50 marked, 88–125 unmarked (bench/scale,
-- 2026-12-07).
-- At 2 % a table is vacuumed after about a tenth of that; VACUUM skips the pages still marked, so each run stays
-- short. SET (...) takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on while it runs.
ALTER TABLE task_org SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
ALTER TABLE task SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
ALTER TABLE task_facts SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
