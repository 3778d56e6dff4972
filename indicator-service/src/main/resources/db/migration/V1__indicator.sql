-- Indicators (目标指标) of a plan. The plan lives in plan-service and is referred to by id only.
CREATE TABLE indicator (
    id              uuid PRIMARY KEY,
    plan_id         uuid             NOT NULL,
    name            varchar(300)     NOT NULL,
    unit            varchar(30),
    nature          varchar(20),
    comparator      varchar(20)      NOT NULL,
    baseline_value  double precision,
    baseline_year   integer,
    target_value    double precision NOT NULL,
    target_year     integer,
    version         integer          NOT NULL DEFAULT 0,
    created_by      varchar(100)     NOT NULL,
    created_at      timestamptz      NOT NULL DEFAULT now(),
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT indicator_years CHECK (baseline_year IS NULL OR target_year IS NULL OR baseline_year <= target_year),
    CONSTRAINT indicator_comparator CHECK (comparator IN ('AT_LEAST', 'AT_MOST', 'ABOUT', 'EXACTLY')),
    CONSTRAINT indicator_nature CHECK (nature IS NULL OR nature IN ('EXPECTED', 'BINDING'))
);

CREATE INDEX indicator_plan_idx ON indicator (plan_id);
