-- One open (SUBMITTED or APPROVED) progress report per task, reporting organization and period. submitProgressReport
-- checks this first for a clear answer, but only this index holds when two submissions race: the second one's
-- insert fails (unique violation → CONFLICT, planning.unique-rules in application.properties). A RETURNED report
-- does not count, so the organization can report again once its report was returned.
--
-- Duplicates stored before this index existed (concurrent submissions) are returned, oldest kept, with a comment
-- saying why and an audit entry, so the index can be built and the reporter sees what happened.
WITH ranked AS (
    SELECT id, row_number() OVER (PARTITION BY task_id, org_id, period ORDER BY reported_at, id) AS n
    FROM progress_report
    WHERE status <> 'RETURNED'
), returned AS (
    UPDATE progress_report r
    SET status = 'RETURNED',
        review_comment = '系统：同一单位同一期间已有填报，此重复填报已自动退回',
        reviewed_by = 'system',
        reviewed_at = now(),
        version = r.version + 1
    FROM ranked
    WHERE ranked.id = r.id AND ranked.n > 1
    RETURNING r.id
)
INSERT INTO plan_audit (id, actor, action, entity, entity_id, before, after)
SELECT gen_random_uuid(), 'system', 'RETURN_DUPLICATE', 'ProgressReport', id, NULL, jsonb_build_object('status', 'RETURNED')
FROM returned;

CREATE UNIQUE INDEX progress_report_open_once ON progress_report (task_id, org_id, period) WHERE status <> 'RETURNED';
