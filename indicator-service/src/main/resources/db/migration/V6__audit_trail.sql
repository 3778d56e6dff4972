-- One audit trail per service database (docs/decisions/0009): the table shape, writer (AuditTrail) and snapshot rules
-- (AuditSnapshot) of platform-common. Expand step of a rolling upgrade: audit_log's rows move into audit_trail in
-- their order, and audit_log becomes a view over it, so the previous release's pods keep appending (the view passes
-- their inserts on) and reading while the new pods start. The next release drops the view.
CREATE TABLE audit_trail (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Entries of one transaction may share their time; the sequence keeps the order they were written in.
    seq         bigint       GENERATED ALWAYS AS IDENTITY,
    at          timestamptz  NOT NULL DEFAULT now(),
    actor       varchar(200) NOT NULL,
    action      varchar(60)  NOT NULL,
    entity_type varchar(60)  NOT NULL,
    entity_id   uuid         NOT NULL,
    -- What department-scoped history screens filter on: here the plan an indicator belongs to.
    scope_id    uuid,
    before      jsonb,
    after       jsonb
);

-- audit_log's own numbers become the sequence, so old entries keep their order; an indicator's plan never changes.
INSERT INTO audit_trail (seq, at, actor, action, entity_type, entity_id, scope_id, before, after) OVERRIDING SYSTEM VALUE
SELECT a.id, a.at, a.actor, a.action, a.entity_type, a.entity_id,
       COALESCE(i.plan_id, CAST(COALESCE(a.after, a.before) ->> 'planId' AS uuid)), a.before, a.after
FROM audit_log a
LEFT JOIN indicator i ON i.id = CASE WHEN a.entity_type = 'Observation' THEN CAST(a.after ->> 'indicatorId' AS uuid) ELSE a.entity_id END
ORDER BY a.id;
SELECT setval(pg_get_serial_sequence('audit_trail', 'seq'), COALESCE(max(seq), 0) + 1, false) FROM audit_trail;

CREATE INDEX audit_trail_entity_idx ON audit_trail (entity_type, entity_id, seq);
CREATE INDEX audit_trail_scope_idx ON audit_trail (scope_id, seq);
-- Every audited write of an indicator: its own and those of its observations (audited under the observation's id,
-- with the indicator's id in the JSON).
CREATE INDEX audit_trail_observation_indicator_idx ON audit_trail (CAST(after ->> 'indicatorId' AS uuid), at)
    WHERE entity_type = 'Observation';

CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();

-- Read by this release (history, the "updated" sort) and the previous one: the same columns, now over audit_trail.
DROP VIEW indicator_audit;

-- contract: audit_log: its rows are in audit_trail (above); the view audit_log (below) takes its place for the previous release's pods, which only insert and read
DROP TABLE audit_log;

CREATE VIEW audit_log AS
    SELECT seq AS id, actor, at, action, entity_type, entity_id, before, after FROM audit_trail;

CREATE VIEW indicator_audit AS
    SELECT a.entity_id AS indicator_id, a.seq AS id, a.at, a.actor, a.action, a.before, a.after
    FROM audit_trail a WHERE a.entity_type = 'Indicator'
    UNION ALL
    SELECT CAST(a.after ->> 'indicatorId' AS uuid), a.seq, a.at, a.actor, a.action, a.before, a.after
    FROM audit_trail a WHERE a.entity_type = 'Observation';
