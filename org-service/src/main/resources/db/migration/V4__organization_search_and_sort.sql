-- Substring search over names for the organization list (platform-common TextSearch). Chinese has no word
-- boundaries and terms are often two characters (住建), too short for pg_trgm; so a GIN index holds each searched
-- text's two-character substrings, and the search looks up the term's ones before checking the text with ILIKE.
CREATE FUNCTION planning_bigrams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
    FROM generate_series(1, length(t) - 1) AS i
$$;

-- All aliases as one text, so that one index and one ILIKE cover them. The newline between them never occurs in a
-- name, so a term only matches within one alias. Declared IMMUTABLE (array_to_string is only STABLE in general,
-- because of other element types' output functions; for text[] it cannot change).
CREATE FUNCTION organization_alias_text(aliases text[]) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT array_to_string(aliases, E'\n')
$$;

CREATE INDEX organization_name_search_idx ON organization USING gin (planning_bigrams(name));
CREATE INDEX organization_short_name_search_idx ON organization USING gin (planning_bigrams(short_name));
CREATE INDEX organization_aliases_search_idx ON organization USING gin (planning_bigrams(organization_alias_text(aliases)));
CREATE INDEX organization_code_search_idx ON organization USING gin (planning_bigrams(code));

-- Staff expect Chinese names in pinyin order (安 before 北 before 财), not in code point order.
CREATE COLLATION pinyin (provider = icu, locale = 'zh');
