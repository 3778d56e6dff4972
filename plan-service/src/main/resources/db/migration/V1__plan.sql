-- Plans: one issued document each. The issuer is an organization of org-service, referred to by id only.
CREATE TABLE plan (
    id            uuid PRIMARY KEY,
    title         varchar(500) NOT NULL,
    kind          varchar(30)  NOT NULL,
    doc_number    varchar(100),
    issuer_id     uuid         NOT NULL,
    issued_on     date,
    period_start  integer,
    period_end    integer,
    status        varchar(20)  NOT NULL DEFAULT 'DRAFT',
    version       integer      NOT NULL DEFAULT 0,
    created_by    varchar(100) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT plan_period CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end),
    CONSTRAINT plan_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED'))
);

-- A document number identifies one issued document; re-importing it must find the same plan.
CREATE UNIQUE INDEX plan_doc_number_unique ON plan (doc_number) WHERE doc_number IS NOT NULL;
CREATE INDEX plan_issuer_idx ON plan (issuer_id);
