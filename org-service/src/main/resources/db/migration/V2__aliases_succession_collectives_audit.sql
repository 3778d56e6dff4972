-- Aliases are short forms and historical names that plan documents use; they are matched, never displayed as the
-- name, and only ever read with their organization, so an array beats a child table here.
ALTER TABLE organization
    ADD COLUMN aliases      text[]       NOT NULL DEFAULT '{}',
    -- The region a government governs (呼和浩特市, 土默特左旗); documents name regions where they mean governments.
    ADD COLUMN region       varchar(100),
    -- After a reform the old body keeps its record for history and points at the body that took over.
    ADD COLUMN successor_id uuid REFERENCES organization (id),
    ADD CONSTRAINT organization_not_own_successor CHECK (successor_id IS NULL OR successor_id <> id);

CREATE INDEX organization_successor_idx ON organization (successor_id);

-- A collective (kind COLLECTIVE) stands for a phrase such as 各盟行政公署、市人民政府; its members are not stored
-- but derived from this rule, so a new county government joins 各旗县人民政府 without anyone editing the collective.
CREATE TABLE collective_rule (
    collective_id uuid PRIMARY KEY REFERENCES organization (id),
    under_id      uuid        NOT NULL REFERENCES organization (id),
    member_kind   varchar(30) NOT NULL,
    member_level  varchar(20)
);

-- Who changed which organization, when, and what it looked like before and after. Written in the transaction of
-- the change itself, so there is never a change without its entry or an entry without its change.
CREATE TABLE organization_audit (
    id              uuid PRIMARY KEY,
    -- Entries of one transaction share their timestamp; the sequence keeps them in the order they were written.
    seq             bigint       GENERATED ALWAYS AS IDENTITY,
    at              timestamptz  NOT NULL DEFAULT now(),
    actor           varchar(200) NOT NULL,
    action          varchar(40)  NOT NULL,
    organization_id uuid         NOT NULL REFERENCES organization (id),
    before          jsonb,
    after           jsonb
);

CREATE INDEX organization_audit_org_idx ON organization_audit (organization_id, seq);

-- Which version of a bundled reference data set was applied, so a restart does not re-apply it and a newer
-- file is applied once.
CREATE TABLE reference_data (
    name         varchar(100) PRIMARY KEY,
    data_version integer      NOT NULL,
    loaded_at    timestamptz  NOT NULL DEFAULT now()
);
