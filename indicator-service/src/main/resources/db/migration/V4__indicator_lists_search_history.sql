-- What the indicator list pages, filters, sorts and searches by in SQL, and where the history of an indicator comes from.

-- Substring search (platform-common TextSearch): the distinct lower-cased two-character substrings of a text, '{}'
-- for shorter text. Chinese has no word boundaries and terms are often two characters (漏损), too short for trigrams.
CREATE FUNCTION planning_bigrams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
    FROM generate_series(1, char_length(t) - 1) AS i
$$;
CREATE INDEX indicator_name_search_idx ON indicator USING gin (planning_bigrams(name));

CREATE INDEX indicator_created_idx ON indicator (created_at, id);

-- Each region's newest observation first (latest period end, then start, then latest report), for DISTINCT ON.
CREATE INDEX observation_newest_idx ON observation
    (indicator_id, region_id, right(period, 4) DESC, left(period, 4) DESC, reported_at DESC);

-- The value `latest` stands for (domain.Latest): the newest current observation of the whole area, else for an
-- additive unit the sum of each region's newest current observation, else null. "Newest": latest period, then latest
-- report. The sum adds the values smallest first, as Latest does, so both give the same double to the last bit.
CREATE FUNCTION indicator_latest_value(of_indicator uuid, is_additive boolean) RETURNS double precision
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(
        (SELECT w.value FROM observation w
         WHERE w.indicator_id = of_indicator AND w.region_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM observation n WHERE n.supersedes = w.id)
         ORDER BY right(w.period, 4) DESC, left(w.period, 4) DESC, w.reported_at DESC
         LIMIT 1),
        (SELECT sum(r.value ORDER BY r.value)
         FROM (SELECT DISTINCT ON (o.region_id) o.value FROM observation o
               WHERE is_additive AND o.indicator_id = of_indicator AND o.region_id IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM observation n WHERE n.supersedes = o.id)
               ORDER BY o.region_id, right(o.period, 4) DESC, left(o.period, 4) DESC, o.reported_at DESC) r))
$$;

-- The rules of domain.Assessment and domain.Quantities.nearlyEqual, operation for operation in double precision, so
-- that filtering and sorting by them in SQL agrees with the fields computed in Java (IndicatorListSqlTest).
CREATE FUNCTION indicator_nearly_equal(a double precision, b double precision) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT abs(a - b) <= float8 '1e-9' * greatest(float8 '1', abs(a), abs(b))
$$;

CREATE FUNCTION indicator_progress(baseline double precision, target double precision, latest double precision)
    RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN latest IS NULL OR baseline IS NULL OR indicator_nearly_equal(target, baseline) THEN NULL
                ELSE (latest - baseline) / (target - baseline) END
$$;

CREATE FUNCTION indicator_met(comparator text, target double precision, latest double precision) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN latest IS NULL OR comparator IS NULL THEN NULL
                WHEN comparator = 'AT_LEAST' THEN latest >= target OR indicator_nearly_equal(latest, target)
                WHEN comparator = 'AT_MOST' THEN latest <= target OR indicator_nearly_equal(latest, target)
                WHEN comparator = 'ABOUT' THEN abs(latest - target) <= float8 '0.02' * abs(target)
                                               OR indicator_nearly_equal(latest, target)
                ELSE indicator_nearly_equal(latest, target) END
$$;

CREATE FUNCTION indicator_health(met boolean, progress double precision, baseline_year integer, target_year integer,
        latest double precision, today date) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN met THEN 'DONE'
        WHEN target_year IS NOT NULL AND today > make_date(target_year, 12, 31) THEN 'RED'
        WHEN latest IS NULL THEN 'YELLOW'
        WHEN progress IS NOT NULL AND baseline_year IS NOT NULL AND target_year IS NOT NULL AND target_year > baseline_year
             AND (greatest(float8 '0', least(float8 '1',
                     CAST(today - make_date(baseline_year + 1, 1, 1) AS double precision)
                     / CAST(make_date(target_year + 1, 1, 1) - make_date(baseline_year + 1, 1, 1) AS double precision)))
                  - progress) * 100 > 25 THEN 'YELLOW'
        ELSE 'GREEN' END
$$;

-- Until V4 the service bound the before/after JSON so that PostgreSQL stored each as a JSON *string* holding the
-- object's text. The content is right, its encoding is not: turn those strings back into the objects they spell.
-- The log is append-only; this one repair of its encoding lifts the trigger for the migration's transaction only.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
UPDATE audit_log SET before = CASE WHEN jsonb_typeof(before) = 'string' THEN CAST(before #>> '{}' AS jsonb) ELSE before END,
                     after = CASE WHEN jsonb_typeof(after) = 'string' THEN CAST(after #>> '{}' AS jsonb) ELSE after END
WHERE jsonb_typeof(before) = 'string' OR jsonb_typeof(after) = 'string';
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;

-- Every audited write of an indicator: its own (create, regional targets, delete) and those of its observations,
-- which are audited under the observation's id with the indicator's id in the JSON.
CREATE INDEX audit_log_observation_indicator_idx ON audit_log (CAST(after ->> 'indicatorId' AS uuid), at)
    WHERE entity_type = 'Observation';

CREATE VIEW indicator_audit AS
    SELECT a.entity_id AS indicator_id, a.id, a.at, a.actor, a.action, a.before, a.after
    FROM audit_log a WHERE a.entity_type = 'Indicator'
    UNION ALL
    SELECT CAST(a.after ->> 'indicatorId' AS uuid), a.id, a.at, a.actor, a.action, a.before, a.after
    FROM audit_log a WHERE a.entity_type = 'Observation';
