-- One audit trail per service database (docs/decisions/0009): the table shape, writer (AuditTrail) and snapshot rules
-- (AuditSnapshot) of platform-common. Expand step of a rolling upgrade: plan_audit's rows move into audit_trail in
-- their order, and plan_audit becomes a view over it, so the previous release's pods keep appending (the view passes
-- their inserts on) and reading while the new pods start. The next release drops the view.
CREATE TABLE audit_trail (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Entries of one transaction share their time; the sequence keeps the order they were written in.
    seq         bigint       GENERATED ALWAYS AS IDENTITY,
    at          timestamptz  NOT NULL DEFAULT now(),
    actor       varchar(200) NOT NULL,
    action      varchar(60)  NOT NULL,
    entity_type varchar(60)  NOT NULL,
    entity_id   uuid         NOT NULL,
    -- What department-scoped history screens filter on: the plan the record belongs to (set by the trigger below).
    scope_id    uuid,
    before      jsonb,
    after       jsonb
);

-- The plan of an audited record, derived here rather than by each writer: a report's writers do not hold its plan,
-- and the previous release's pods write through the view without one. The state names the plan (or the task) where
-- the record is new or gone; otherwise the record itself does.
CREATE FUNCTION audit_trail_plan_scope() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    state jsonb := COALESCE(NEW.after, NEW.before);
BEGIN
    IF NEW.scope_id IS NULL THEN
        NEW.scope_id := CASE NEW.entity_type
            WHEN 'Plan' THEN NEW.entity_id
            WHEN 'Section' THEN COALESCE(CAST(state ->> 'planId' AS uuid), (SELECT s.plan_id FROM section s WHERE s.id = NEW.entity_id))
            WHEN 'Task' THEN COALESCE(CAST(state ->> 'planId' AS uuid), (SELECT t.plan_id FROM task t WHERE t.id = NEW.entity_id))
            WHEN 'ProgressReport' THEN (SELECT t.plan_id FROM task t WHERE t.id = COALESCE(CAST(state ->> 'taskId' AS uuid),
                (SELECT r.task_id FROM progress_report r WHERE r.id = NEW.entity_id)))
        END;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_trail_scope BEFORE INSERT ON audit_trail FOR EACH ROW EXECUTE FUNCTION audit_trail_plan_scope();

INSERT INTO audit_trail (id, seq, at, actor, action, entity_type, entity_id, before, after) OVERRIDING SYSTEM VALUE
SELECT id, seq, at, actor, action, entity, entity_id, before, after FROM plan_audit ORDER BY seq;
SELECT setval(pg_get_serial_sequence('audit_trail', 'seq'), COALESCE(max(seq), 0) + 1, false) FROM audit_trail;

CREATE INDEX audit_trail_entity_idx ON audit_trail (entity_type, entity_id, seq);
CREATE INDEX audit_trail_scope_idx ON audit_trail (scope_id, seq);

CREATE FUNCTION refuse_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();

-- contract: plan_audit: its rows are in audit_trail (above); the view plan_audit (below) takes its place for the previous release's pods, which only insert and read
DROP TABLE plan_audit;

CREATE VIEW plan_audit AS
    SELECT seq, id, at, actor, action, entity_type AS entity, entity_id, before, after FROM audit_trail;
