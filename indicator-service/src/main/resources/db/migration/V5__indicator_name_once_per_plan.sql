-- One indicator name per plan (names are stored NFC and trimmed, so one spelling is one name). The index alone decides,
-- also when two creations race (or an import and a person add the same indicator at once): the second insert fails
-- (unique violation → CONFLICT, planning.unique-rules in application.properties). Indicators are deleted for real (only
-- those without observations, see deleteIndicator), so there is no soft-deleted row to leave out.
--
-- Duplicates stored before this index existed keep their data but not their name: every one but the oldest is renamed
-- "<name>（重复N）", with an audit entry, so the index can be built and the plan's owners see what to merge or delete.
WITH ranked AS (
    SELECT id, name, row_number() OVER (PARTITION BY plan_id, name ORDER BY created_at, id) AS n
    FROM indicator
), renamed AS (
    UPDATE indicator i
    SET name = left(ranked.name, 280) || '（重复' || (ranked.n - 1) || '）',
        version = i.version + 1,
        updated_at = now()
    FROM ranked
    WHERE ranked.id = i.id AND ranked.n > 1
    RETURNING i.id, ranked.name AS old_name, i.name AS new_name
)
INSERT INTO audit_log (actor, at, action, entity_type, entity_id, before, after)
SELECT 'system', now(), 'RENAME_DUPLICATE', 'Indicator', id, jsonb_build_object('name', old_name), jsonb_build_object('name', new_name)
FROM renamed;

CREATE UNIQUE INDEX indicator_name_once_per_plan ON indicator (plan_id, name);
