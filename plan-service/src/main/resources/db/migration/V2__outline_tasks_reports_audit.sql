-- Outline, tasks, milestones, progress reports and the audit log of plan-service's writes.
-- Organizations are org-service ids only (no foreign key: another service owns them).
-- Task health is derived when read (HealthRule), so there is deliberately no health column.

-- The outline tree of a plan (章 / 节 / 一、/ (一) / 1.): level 1 is the top; position orders siblings.
CREATE TABLE section (
    id         uuid PRIMARY KEY,
    plan_id    uuid         NOT NULL REFERENCES plan (id),
    parent_id  uuid REFERENCES section (id),
    number     varchar(50),
    heading    varchar(500) NOT NULL,
    level      integer      NOT NULL CHECK (level BETWEEN 1 AND 10),
    position   integer      NOT NULL
);
CREATE INDEX section_plan_idx ON section (plan_id, position);

-- A task (重点任务). deadline_date is also set for a year deadline ("2020年" → 2020-12-31, the parser's job);
-- an ongoing task (长期坚持) has no date and is judged by its reporting cadence only.
CREATE TABLE task (
    id                uuid PRIMARY KEY,
    plan_id           uuid          NOT NULL REFERENCES plan (id),
    section_id        uuid REFERENCES section (id),
    number            varchar(50),
    position          integer       NOT NULL,
    title             varchar(1000) NOT NULL,
    description       varchar(10000),
    deadline_date     date,
    deadline_ongoing  boolean       NOT NULL DEFAULT false,
    deadline_text     varchar(200),
    status            varchar(20)   NOT NULL DEFAULT 'NOT_STARTED',
    version           integer       NOT NULL DEFAULT 0,
    created_by        varchar(100)  NOT NULL,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    CONSTRAINT task_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'SUSPENDED'))
);
CREATE INDEX task_plan_idx ON task (plan_id, position);
CREATE INDEX task_section_idx ON task (section_id);
CREATE INDEX task_deadline_idx ON task (deadline_date);

-- Who carries a task: lead units (牵头单位; the first lead by position is the convener) and cooperating units.
CREATE TABLE task_org (
    task_id   uuid        NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    org_id    uuid        NOT NULL,
    role      varchar(20) NOT NULL CHECK (role IN ('LEAD', 'COOPERATING')),
    position  integer     NOT NULL,
    PRIMARY KEY (task_id, org_id)
);
CREATE INDEX task_org_org_idx ON task_org (org_id, role);

-- Expected outcomes with dates (预期成果和时间进度).
CREATE TABLE milestone (
    id           uuid PRIMARY KEY,
    task_id      uuid          NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    due_date     date,
    description  varchar(1000) NOT NULL,
    done         boolean       NOT NULL DEFAULT false,
    position     integer       NOT NULL
);
CREATE INDEX milestone_task_idx ON milestone (task_id, position);

-- 进度填报: one report per task, reporting organization and period; reviewed by the lead side.
CREATE TABLE progress_report (
    id              uuid PRIMARY KEY,
    task_id         uuid          NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    org_id          uuid          NOT NULL,
    period          varchar(50)   NOT NULL,
    percent         integer CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
    summary         varchar(4000) NOT NULL,
    problems        varchar(4000),
    next_steps      varchar(4000),
    reported_by     varchar(100)  NOT NULL,
    reported_at     timestamptz   NOT NULL,
    status          varchar(20)   NOT NULL DEFAULT 'SUBMITTED',
    review_comment  varchar(2000),
    reviewed_by     varchar(100),
    reviewed_at     timestamptz,
    version         integer       NOT NULL DEFAULT 0,
    CONSTRAINT progress_report_status CHECK (status IN ('SUBMITTED', 'APPROVED', 'RETURNED'))
);
CREATE INDEX progress_report_task_idx ON progress_report (task_id, reported_at DESC);

-- Every write of this service, appended in the same transaction as the write (so it commits or rolls back with it).
CREATE TABLE plan_audit (
    seq        bigserial PRIMARY KEY,
    id         uuid         NOT NULL UNIQUE,
    at         timestamptz  NOT NULL DEFAULT now(),
    actor      varchar(100) NOT NULL,
    action     varchar(50)  NOT NULL,
    entity     varchar(30)  NOT NULL,
    entity_id  uuid         NOT NULL,
    before     jsonb,
    after      jsonb
);
CREATE INDEX plan_audit_entity_idx ON plan_audit (entity, entity_id, seq);
