package gov.planning.common.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import gov.planning.common.error.BadUserInputException;

/** Opaque {@code first}/{@code after} pagination cursors; clients must not parse them. */
public final class Cursor {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    private static final String PREFIX = "offset:";

    private Cursor() {
    }

    public static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset of the first item after {@code cursor}; 0 when there is no cursor. */
    public static int offsetAfter(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset + 1;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new BadUserInputException("after: '" + cursor + "' is not a cursor this API returned");
    }

    /** The edges of a page that starts at {@code offset}, each with its cursor. */
    public static <T, E> java.util.List<E> edges(java.util.List<T> page, int offset,
            java.util.function.BiFunction<T, String, E> edge) {
        java.util.List<E> edges = new java.util.ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            edges.add(edge.apply(page.get(i), encode(offset + i)));
        }
        return edges;
    }

    public static int pageSize(Integer first) {
        if (first == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new BadUserInputException("first: must be between 0 and " + MAX_PAGE_SIZE + ", was " + first);
        }
        return first;
    }
}
