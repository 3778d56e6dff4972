-- Free-text search of plans and tasks by substring (Chinese: 城市更新, 住建) on an index, and the reads of the
-- screens' queues. Terms are often two characters, too short for pg_trgm's trigrams, so the index holds each text's
-- distinct lower-cased two-character substrings (see platform-common TextSearch); ILIKE then keeps the exact matches.
CREATE FUNCTION planning_bigrams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
    FROM generate_series(1, length(t) - 1) AS i
$$;

CREATE INDEX task_title_search_idx ON task USING gin (planning_bigrams(title));
CREATE INDEX plan_title_search_idx ON plan USING gin (planning_bigrams(title));
CREATE INDEX plan_doc_number_search_idx ON plan USING gin (planning_bigrams(doc_number));

-- The approval queue: submitted reports, oldest first.
CREATE INDEX progress_report_submitted_idx ON progress_report (reported_at, id) WHERE status = 'SUBMITTED';
-- The inbox's flags: a task's reports by one organization, newest first.
CREATE INDEX progress_report_task_org_idx ON progress_report (task_id, org_id, reported_at DESC);
