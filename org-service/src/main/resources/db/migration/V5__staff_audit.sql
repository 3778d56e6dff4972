-- Who changed which staff account of which organization (department administrators, issue 20), and the account's
-- state before and after. The account itself lives in Keycloak; this log is the platform's record of the change.
-- Kept apart from organization_audit: an organization's history is open to every reader, its staff list is not.
CREATE TABLE staff_audit (
    id              uuid PRIMARY KEY,
    seq             bigint       GENERATED ALWAYS AS IDENTITY,
    at              timestamptz  NOT NULL DEFAULT now(),
    actor           varchar(200) NOT NULL,
    action          varchar(40)  NOT NULL,
    organization_id uuid         NOT NULL REFERENCES organization (id),
    username        varchar(255) NOT NULL,
    before          jsonb,
    after           jsonb
);

CREATE INDEX staff_audit_org_idx ON staff_audit (organization_id, seq);
