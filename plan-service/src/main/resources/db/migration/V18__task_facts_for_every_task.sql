-- Task lists by progress (sortBy: PROGRESS) page in the order of the latest percent, kept in task_facts (V8), then the
-- id; a task never reported on has none and comes last in both directions. task_facts had a row only for a task with a
-- report or a milestone, so the lists joined it LEFT and sorted every task of the list (100,000 at a province: 70–100 ms
-- of SQL for the first page, bench/scale 2026-12-07). With a row for every task, kept from the task's insert on, the
-- order by progress joins it inner and its first page walks one of these indexes, a page's worth: ~1–2 ms. One index
-- per direction, as both put the tasks without a percent last (an ascending index walked backwards would give them
-- first, and leave the ids of each percent's many tasks to sort).
CREATE FUNCTION task_facts_after_task_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A new task has no report and no milestone yet: an empty row is its facts (their own triggers fill it later).
    INSERT INTO task_facts (task_id) SELECT n.id FROM new_rows n ORDER BY n.id ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER task_facts_insert AFTER INSERT ON task
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_facts_after_task_insert();

-- The tasks there already without a row (never reported on, no milestone ever): computed, not assumed empty.
SELECT task_facts_refresh(ARRAY(SELECT t.id FROM task t WHERE NOT EXISTS (SELECT 1 FROM task_facts f WHERE f.task_id = t.id)));

CREATE INDEX task_facts_percent_idx ON task_facts (last_percent, task_id);
CREATE INDEX task_facts_percent_desc_idx ON task_facts (last_percent DESC NULLS LAST, task_id);
