-- Today's snapshot counted per lead organization as one row with a column per health, in an index in the dashboard's
-- order (most red, then most yellow, then the id): a page of the all-plans dashboard walks its first rows instead of
-- grouping every organization's counts per request (docs/decisions/0020). Only the organizations the tasks written
-- since the snapshot touch are corrected at read time.
CREATE TABLE health_snapshot_org_row (
    day        date NOT NULL,
    org_id     uuid NOT NULL,
    green      integer NOT NULL,
    yellow     integer NOT NULL,
    red        integer NOT NULL,
    done       integer NOT NULL,
    PRIMARY KEY (day, org_id)
);
CREATE INDEX health_snapshot_org_row_order_idx ON health_snapshot_org_row (day, (-red), (-yellow), org_id);

-- The build that wrote the rows above (its built_at): a build of an older version replaces the snapshot without them,
-- and reads use them only when this equals built_at.
ALTER TABLE health_snapshot_state ADD COLUMN org_rows_built_at timestamptz;
