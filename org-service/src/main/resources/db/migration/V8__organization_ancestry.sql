-- Issue #15: a planner's scope is every organization below theirs, 20,000 for a province. A recursive walk of
-- parent_id reads the tree level by level and joins the table back for every row; the ancestry (the ids from the
-- root down to the organization itself) answers "everything below X" with one GIN index lookup (ancestry @> {X}),
-- any number of roots in one statement. Kept by triggers, so every writer (the service, the reference data loader,
-- a bench seeder, an operator's SQL) keeps it right; the previous version's code, which does not know the column,
-- too. parent_id stays the truth; the ancestry can be rebuilt from it at any time (the UPDATE below).
ALTER TABLE organization ADD COLUMN ancestry uuid[];

CREATE FUNCTION organization_ancestry_of(p_parent uuid, p_id uuid) RETURNS uuid[]
    LANGUAGE sql STABLE
AS $$
    SELECT coalesce((SELECT p.ancestry FROM organization p WHERE p.id = p_parent), '{}') || p_id
$$;

-- An organization's own ancestry, on insert and whenever parent_id is written (Hibernate writes every column on update).
CREATE FUNCTION organization_set_ancestry() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.ancestry := organization_ancestry_of(NEW.parent_id, NEW.id);
    RETURN NEW;
END
$$;

CREATE TRIGGER organization_ancestry_set BEFORE INSERT OR UPDATE OF parent_id ON organization
    FOR EACH ROW EXECUTE FUNCTION organization_set_ancestry();

-- A move carries its subtree along: every descendant's ancestry gets the moved organization's new prefix. The UPDATE
-- sets only ancestry, so it does not fire the triggers above again.
CREATE FUNCTION organization_move_subtree() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE organization d
    SET ancestry = NEW.ancestry || d.ancestry[array_position(d.ancestry, NEW.id) + 1:]
    WHERE d.ancestry @> ARRAY[NEW.id] AND d.id <> NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER organization_ancestry_move AFTER UPDATE OF parent_id ON organization
    FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION organization_move_subtree();

-- Rows written before this migration. The depth bound only guards against a cycle written around the service.
WITH RECURSIVE a(id, ancestry) AS (
    SELECT o.id, ARRAY[o.id] FROM organization o WHERE o.parent_id IS NULL
    UNION ALL
    SELECT c.id, a.ancestry || c.id FROM organization c JOIN a ON c.parent_id = a.id WHERE cardinality(a.ancestry) < 100
)
UPDATE organization o SET ancestry = a.ancestry FROM a WHERE o.id = a.id;

CREATE INDEX organization_ancestry_idx ON organization USING gin (ancestry);

