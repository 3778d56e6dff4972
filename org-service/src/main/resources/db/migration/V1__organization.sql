-- Organizations: governments, their offices and departments, agencies, collectives. The tree is kept as a
-- parent reference; ancestors and descendants are read with recursive queries.
CREATE TABLE organization (
    id          uuid PRIMARY KEY,
    code        varchar(100) NOT NULL,
    name        varchar(200) NOT NULL,
    short_name  varchar(100),
    kind        varchar(30)  NOT NULL,
    level       varchar(20),
    parent_id   uuid REFERENCES organization (id),
    valid_from  date,
    valid_to    date,
    version     integer      NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT organization_code_unique UNIQUE (code),
    CONSTRAINT organization_code_format CHECK (code ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'),
    CONSTRAINT organization_validity CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
);

CREATE INDEX organization_parent_idx ON organization (parent_id);
