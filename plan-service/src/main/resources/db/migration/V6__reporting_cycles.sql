-- Reporting cycles (issue #16): a plan's cadence, due day and grace days; a task may override the cadence.
-- Existing plans get the cadence the health rule used so far (the calendar quarter).
ALTER TABLE plan
    ADD COLUMN report_cadence    varchar(20) NOT NULL DEFAULT 'QUARTERLY',
    ADD COLUMN report_due_day    integer     NOT NULL DEFAULT 25,
    ADD COLUMN report_grace_days integer     NOT NULL DEFAULT 10,
    ADD CONSTRAINT plan_report_cadence CHECK (report_cadence IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
    -- 28 at most: every month has the day.
    ADD CONSTRAINT plan_report_due_day CHECK (report_due_day BETWEEN 1 AND 28),
    ADD CONSTRAINT plan_report_grace_days CHECK (report_grace_days BETWEEN 0 AND 90);

-- NULL: the plan's cadence.
ALTER TABLE task
    ADD COLUMN report_cadence varchar(20),
    ADD CONSTRAINT task_report_cadence CHECK (report_cadence IS NULL OR report_cadence IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'));

-- Submitted after the period's due date (accepted within the grace days, or after a reopening).
ALTER TABLE progress_report ADD COLUMN late boolean NOT NULL DEFAULT false;

-- The approver side reopened a period for one organization: its approved report (if any) was returned and a closed
-- window accepts reports again until open_until. Reports of older, free-form periods (before V6) stay as they were.
CREATE TABLE reporting_reopening (
    id           uuid PRIMARY KEY,
    task_id      uuid          NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    org_id       uuid          NOT NULL,
    period       varchar(50)   NOT NULL,
    reason       varchar(2000) NOT NULL,
    reopened_by  varchar(100)  NOT NULL,
    reopened_at  timestamptz   NOT NULL,
    open_until   date          NOT NULL
);
CREATE INDEX reporting_reopening_idx ON reporting_reopening (task_id, org_id, period, open_until DESC);

-- The reports of a task and organization by period (reportingPeriods, ReportsOwed).
CREATE INDEX progress_report_period_idx ON progress_report (task_id, org_id, period);
