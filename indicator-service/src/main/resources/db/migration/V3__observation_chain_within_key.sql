-- "One current observation per indicator, region and period": observations are append-only, so "current" is not a
-- flag but the end of a chain (the row no other row supersedes). V2 already lets each key have one first row
-- (observation_first_once) and each row be superseded once (observation_superseded_once). What was missing is that a
-- correction stays within its key: a row superseding another indicator's, region's or period's value would start a
-- second chain end for its own key. The composite foreign key below closes that, so every key has exactly one chain
-- and therefore exactly one current observation, whatever the application does or how writes race.
ALTER TABLE observation
    ADD COLUMN region_key uuid GENERATED ALWAYS AS (COALESCE(region_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED;
ALTER TABLE observation ADD CONSTRAINT observation_key_of_id UNIQUE (id, indicator_id, region_key, period);
ALTER TABLE observation ADD CONSTRAINT observation_corrects_same_key
    FOREIGN KEY (supersedes, indicator_id, region_key, period) REFERENCES observation (id, indicator_id, region_key, period);
