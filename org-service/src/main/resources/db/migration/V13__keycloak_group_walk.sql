-- The last full walk of Keycloak's groups (keycloak/GroupSync, docs/decisions/0026): the version of the organization
-- tree (V12) it reconciled the groups with and how many groups Keycloak held right after it. A start skips its walk
-- while both still hold: at a province's 20,000 groups the walk costs Keycloak about a minute of both its cores, and
-- every replica of every rollout started one. One row, written by whichever replica walked last.
CREATE TABLE keycloak_group_walk (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    tree_version bigint NOT NULL,
    groups integer NOT NULL,
    walked_at timestamptz NOT NULL
);
