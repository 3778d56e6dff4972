-- A collective's members follow its rule (collective_rule), so a rule written changes what org-service answers about
-- organizations as much as an organization written does. The tree's version (V12) now moves with both: the in-memory
-- snapshot reloads, and the other services' caches of organizations, which keep their answers while
-- organizationTreeVersion stays the same (org-client, docs/decisions/0027), read the new members.
CREATE TRIGGER collective_rule_tree_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON collective_rule
    FOR EACH STATEMENT EXECUTE FUNCTION organization_tree_changed();
