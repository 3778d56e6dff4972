package gov.planning.common.api;

import java.util.UUID;
import java.util.regex.Pattern;

import gov.planning.common.error.BadUserInputException;

/** Record ids travel as GraphQL {@code ID} strings; they are UUIDs inside every service. */
public final class Ids {

    /** The canonical form only: {@link UUID#fromString} also takes "1-2-3-4-5", which no record id looks like. */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** Whether {@code id} is a record id as the platform writes them (a UUID in its 36-character form). */
    public static boolean isWellFormed(String id) {
        return id != null && UUID_TEXT.matcher(id).matches();
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
        if (!isWellFormed(id)) {
            throw new BadUserInputException(field + ": '" + (id != null && id.length() > 40 ? id.substring(0, 40) + "…" : id)
                    + "' is not a valid id");
        }
        return UUID.fromString(id);
    }
}
