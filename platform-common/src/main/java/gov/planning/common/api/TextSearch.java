package gov.planning.common.api;

import gov.planning.common.error.BadUserInputException;

/**
 * Free-text search by substring ({@code search: "城市更新"}). Chinese has no word boundaries and search terms are
 * often two characters (住建, 水利), too short for pg_trgm's trigrams; so each service's migration defines the SQL
 * function {@code planning_bigrams(text)} (the distinct lower-cased two-character substrings of a text) and a GIN
 * index on it per searched column. A condition is {@link #condition(String)}: the bigram containment finds the
 * candidates on the index, the {@code ILIKE} keeps exactly those that contain the term.
 */
public final class TextSearch {

    public static final int MAX_LENGTH = 100;

    private TextSearch() {
    }

    /** The term to search for, trimmed; null when there is none (no filter). */
    public static String term(String field, String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String term = search.strip();
        if (term.length() > MAX_LENGTH) {
            throw new BadUserInputException(field + ": at most " + MAX_LENGTH + " characters, was " + term.length());
        }
        return term;
    }

    /** The {@code ILIKE} pattern that matches texts containing {@code term} literally (wildcards escaped). */
    public static String containsPattern(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The SQL condition "{@code column} contains the term", for a native query whose named parameters
     * {@code :<param>} (the term) and {@code :<param>Pattern} ({@link #containsPattern}) are set.
     */
    public static String condition(String column, String param) {
        return "(planning_bigrams(" + column + ") @> planning_bigrams(CAST(:" + param + " AS text)) AND " + column
                + " ILIKE :" + param + "Pattern)";
    }
}
