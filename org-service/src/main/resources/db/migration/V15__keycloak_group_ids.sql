-- The group of each organization code as the last full walk of Keycloak's groups found it (keycloak/GroupWalks,
-- docs/decisions/0026): a start that skips the walk knows the ids from here. Without them the first member read of each
-- organization after a restart searched Keycloak's 20,000 groups for its code (55-120 ms each), for every organization
-- of the daily reminder scan. A cache of Keycloak's ids, never a source: an id Keycloak no longer knows is searched again.
CREATE TABLE keycloak_group_id (
    org_code text PRIMARY KEY,
    group_id text NOT NULL
);
