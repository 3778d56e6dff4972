-- One audit trail per service database (docs/decisions/0009): the table shape, writer (AuditTrail) and snapshot rules
-- (AuditSnapshot) of platform-common, for organizations and staff accounts alike. Expand step of a rolling upgrade:
-- the rows of organization_audit and staff_audit move into audit_trail in the order they were written;
-- organization_audit becomes a view over it, and staff_audit stays a table whose new rows (from the previous
-- release's pods) are passed on to audit_trail. The next release drops the view, staff_audit and its trigger.
CREATE TABLE audit_trail (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Entries of one transaction share their time; the sequence keeps the order they were written in.
    seq         bigint       GENERATED ALWAYS AS IDENTITY,
    at          timestamptz  NOT NULL DEFAULT now(),
    actor       varchar(200) NOT NULL,
    action      varchar(60)  NOT NULL,
    entity_type varchar(60)  NOT NULL,
    entity_id   uuid         NOT NULL,
    -- What department-scoped history screens filter on: the organization (its own entries, its staff's).
    scope_id    uuid,
    before      jsonb,
    after       jsonb
);

-- A staff account's id in the trail, from its user name: staff_audit kept no Keycloak id (StaffAudit.accountId).
CREATE FUNCTION staff_account_id(username text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(md5('staff:' || username) AS uuid)
$$;

-- A staff entry without a state of its own (JOIN, written as '{}' twice) keeps its user name in both states, so the
-- history shows whose entry it is and no change; any other state stays as written.
CREATE FUNCTION staff_audit_state(state jsonb, other jsonb, username text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN COALESCE(state, '{}') = '{}' AND COALESCE(other, '{}') = '{}'
                THEN jsonb_build_object('username', username) ELSE state END
$$;

INSERT INTO audit_trail (id, at, actor, action, entity_type, entity_id, scope_id, before, after)
SELECT id, at, actor, action, entity_type, entity_id, scope_id, before, after FROM (
    SELECT seq, 1 AS source, id, at, actor, action, 'Organization' AS entity_type, organization_id AS entity_id,
           organization_id AS scope_id, before, after
    FROM organization_audit
    UNION ALL
    SELECT seq, 2, id, at, actor, action, 'StaffAccount', staff_account_id(username), organization_id,
           staff_audit_state(before, after, username), staff_audit_state(after, before, username)
    FROM staff_audit
) written ORDER BY at, source, seq;

CREATE INDEX audit_trail_entity_idx ON audit_trail (entity_type, entity_id, seq);
CREATE INDEX audit_trail_scope_idx ON audit_trail (scope_id, seq);

CREATE FUNCTION refuse_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();

-- The previous release's staff code appends to staff_audit: each such row is passed on to the trail.
CREATE FUNCTION staff_audit_to_trail() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_trail (id, at, actor, action, entity_type, entity_id, scope_id, before, after)
    VALUES (NEW.id, NEW.at, NEW.actor, NEW.action, 'StaffAccount', staff_account_id(NEW.username), NEW.organization_id,
            staff_audit_state(NEW.before, NEW.after, NEW.username), staff_audit_state(NEW.after, NEW.before, NEW.username));
    RETURN NULL;
END;
$$;
CREATE TRIGGER staff_audit_to_trail AFTER INSERT ON staff_audit FOR EACH ROW EXECUTE FUNCTION staff_audit_to_trail();

-- The previous release's organization code writes organization_audit without a scope: an organization is its own.
CREATE FUNCTION audit_trail_organization_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.scope_id IS NULL AND NEW.entity_type = 'Organization' THEN
        NEW.scope_id := NEW.entity_id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_trail_scope BEFORE INSERT ON audit_trail FOR EACH ROW EXECUTE FUNCTION audit_trail_organization_scope();

-- contract: organization_audit: its rows are in audit_trail (above); the view organization_audit (below) takes its place for the previous release's pods, which only insert and read
DROP TABLE organization_audit;

CREATE VIEW organization_audit AS
    SELECT id, seq, at, actor, action, entity_type, entity_id AS organization_id, scope_id, before, after
    FROM audit_trail WHERE entity_type = 'Organization';
-- The previous release's inserts name no entity type.
ALTER VIEW organization_audit ALTER COLUMN entity_type SET DEFAULT 'Organization';
