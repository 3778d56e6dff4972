-- Today's snapshot counted per lead organization as one row with a column per health, in an index in the dashboard's
-- order (most red, then most yellow, then the id): a page of the all-plans dashboard walks its first rows instead of
-- grouping every organization's counts per request (docs/decisions/0020, issue #15). Only the organizations the tasks
-- written since the snapshot touch are corrected at read time.
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

-- Kept by triggers on health_snapshot_org_count, which a build replaces as a whole (DELETE, then one INSERT ... SELECT)
-- in its transaction, as V14 keeps health_snapshot_org_task: a build of the previous release keeps these rows too.
CREATE FUNCTION health_snapshot_org_row_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO health_snapshot_org_row (day, org_id, green, yellow, red, done)
    SELECT n.day, n.org_id, COALESCE(sum(n.tasks) FILTER (WHERE n.health = 'GREEN'), 0),
           COALESCE(sum(n.tasks) FILTER (WHERE n.health = 'YELLOW'), 0), COALESCE(sum(n.tasks) FILTER (WHERE n.health = 'RED'), 0),
           COALESCE(sum(n.tasks) FILTER (WHERE n.health = 'DONE'), 0)
    FROM new_rows n GROUP BY n.day, n.org_id;
    RETURN NULL;
END $$;

CREATE FUNCTION health_snapshot_org_row_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM health_snapshot_org_row;
    RETURN NULL;
END $$;

CREATE TRIGGER health_snapshot_org_row_insert AFTER INSERT ON health_snapshot_org_count
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION health_snapshot_org_row_after_insert();
CREATE TRIGGER health_snapshot_org_row_delete AFTER DELETE ON health_snapshot_org_count
    FOR EACH STATEMENT EXECUTE FUNCTION health_snapshot_org_row_after_delete();

-- The snapshot there is now.
INSERT INTO health_snapshot_org_row (day, org_id, green, yellow, red, done)
SELECT c.day, c.org_id, COALESCE(sum(c.tasks) FILTER (WHERE c.health = 'GREEN'), 0),
       COALESCE(sum(c.tasks) FILTER (WHERE c.health = 'YELLOW'), 0), COALESCE(sum(c.tasks) FILTER (WHERE c.health = 'RED'), 0),
       COALESCE(sum(c.tasks) FILTER (WHERE c.health = 'DONE'), 0)
FROM health_snapshot_org_count c GROUP BY c.day, c.org_id;
