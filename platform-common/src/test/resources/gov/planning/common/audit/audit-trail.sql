-- The shape of every service's audit_trail table (docs/decisions/0009), as each service's migration creates it;
-- AuditTrailTest runs AuditTrail against exactly this.
CREATE TABLE audit_trail (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    seq         bigint       GENERATED ALWAYS AS IDENTITY,
    at          timestamptz  NOT NULL DEFAULT now(),
    actor       varchar(200) NOT NULL,
    action      varchar(60)  NOT NULL,
    entity_type varchar(60)  NOT NULL,
    entity_id   uuid         NOT NULL,
    scope_id    uuid,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_trail_entity_idx ON audit_trail (entity_type, entity_id, seq);
CREATE INDEX audit_trail_scope_idx ON audit_trail (scope_id, seq);

CREATE FUNCTION refuse_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
