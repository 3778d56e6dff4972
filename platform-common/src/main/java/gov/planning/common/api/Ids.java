package gov.planning.common.api;

import java.util.UUID;

import gov.planning.common.error.BadUserInputException;

/** Record ids travel as GraphQL {@code ID} strings; they are UUIDs inside every service. */
public final class Ids {

    private Ids() {
    }

    /** For lookups where an unknown or malformed id simply finds nothing (federation representations). */
    public static UUID parseOrNull(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** For arguments a client typed: a malformed id is the client's error, named as such. */
    public static UUID parse(String field, String id) {
        UUID parsed = parseOrNull(id);
        if (parsed == null) {
            throw new BadUserInputException(field + ": '" + id + "' is not a valid id");
        }
        return parsed;
    }
}
