-- Whether the indicator's unit adds up across regions (万亩, 公里, 个: yes; %, 率: no). Derived from the unit when
-- the indicator is created; indicators created before units were checked are treated as not additive.
ALTER TABLE indicator ADD COLUMN additive boolean NOT NULL DEFAULT false;

-- Responsible organizations (责任单位) of an indicator, in the order the plan lists them; org-service owns them.
CREATE TABLE indicator_responsible_org (
    indicator_id uuid    NOT NULL REFERENCES indicator (id),
    position     integer NOT NULL,
    org_id       uuid    NOT NULL,
    PRIMARY KEY (indicator_id, position),
    CONSTRAINT indicator_responsible_org_once UNIQUE (indicator_id, org_id)
);
CREATE INDEX indicator_responsible_org_org_idx ON indicator_responsible_org (org_id);

-- One row of a task-division table (任务分解表): a region's share of the target for a period, in the indicator's
-- unit. Setting a period replaces all of that period's rows in one transaction.
CREATE TABLE regional_target (
    id           uuid PRIMARY KEY,
    indicator_id uuid             NOT NULL REFERENCES indicator (id),
    region_id    uuid             NOT NULL,
    period       varchar(9)       NOT NULL,
    position     integer          NOT NULL,
    value        double precision NOT NULL,
    set_by       varchar(100)     NOT NULL,
    set_at       timestamptz      NOT NULL,
    CONSTRAINT regional_target_once UNIQUE (indicator_id, region_id, period),
    CONSTRAINT regional_target_period CHECK (period ~ '^[0-9]{4}(-[0-9]{4})?$'),
    CONSTRAINT regional_target_finite CHECK (value NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))
);
CREATE INDEX regional_target_indicator_idx ON regional_target (indicator_id, period);

-- Reported actual values (实际值). Append-only: a correction is a new row that supersedes the old one, so who
-- reported what and when stays visible. region_id NULL means the indicator's whole area.
CREATE TABLE observation (
    id           uuid PRIMARY KEY,
    indicator_id uuid             NOT NULL REFERENCES indicator (id),
    region_id    uuid,
    period       varchar(9)       NOT NULL,
    value        double precision NOT NULL,
    source       varchar(500),
    reported_by  varchar(100)     NOT NULL,
    reported_at  timestamptz      NOT NULL,
    supersedes   uuid REFERENCES observation (id),
    CONSTRAINT observation_period CHECK (period ~ '^[0-9]{4}(-[0-9]{4})?$'),
    CONSTRAINT observation_finite CHECK (value NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)),
    -- Each observation is corrected at most once, so the history of an indicator+region+period is one chain.
    CONSTRAINT observation_superseded_once UNIQUE (supersedes)
);
-- ...and each chain has exactly one first observation.
CREATE UNIQUE INDEX observation_first_once ON observation
    (indicator_id, COALESCE(region_id, '00000000-0000-0000-0000-000000000000'::uuid), period) WHERE supersedes IS NULL;
CREATE INDEX observation_indicator_idx ON observation (indicator_id, reported_at DESC);

-- Who changed what, written in the same transaction as the change it records. Append-only like observations.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    actor       varchar(100) NOT NULL,
    at          timestamptz  NOT NULL,
    action      varchar(60)  NOT NULL,
    entity_type varchar(60)  NOT NULL,
    entity_id   uuid         NOT NULL,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_id, at);

CREATE FUNCTION refuse_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER observation_append_only BEFORE UPDATE OR DELETE ON observation
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
