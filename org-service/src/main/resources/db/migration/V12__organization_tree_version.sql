-- Issue #15: org-service answers entity lookups and subtrees (a province's 20,000 organizations) from an in-memory
-- snapshot of the tree (naming/OrgDirectory). Each read first asks this one-row counter whether the snapshot is
-- still current; every statement that writes organization bumps it in the writer's transaction, so a write is seen by
-- the next read on every replica. A statement trigger, not the service: the reference data loader, a bench seeder, an
-- operator's SQL and the previous release's pods during a rollout all write organizations too (expand only,
-- decision 0004). BEFORE the statement: a writer takes the counter's row lock before it locks any organization row,
-- so two writers queue on the counter instead of deadlocking over each other's organizations.
CREATE TABLE organization_tree_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version bigint NOT NULL
);
INSERT INTO organization_tree_version (singleton, version) VALUES (true, 1);

CREATE FUNCTION organization_tree_changed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE organization_tree_version SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER organization_tree_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON organization
    FOR EACH STATEMENT EXECUTE FUNCTION organization_tree_changed();
