package gov.planning.common.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import gov.planning.common.error.BadUserInputException;

/** Opaque {@code first}/{@code after} pagination cursors; clients must not parse them. */
public final class Cursor {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    private static final String PREFIX = "offset:";
    private static final String KEY = ";key:";

    private Cursor() {
    }

    public static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A keyset cursor: the item's offset and its sort key ({@code key}, any text the list can read back), so that the next
     * page starts right after the item in an index instead of counting off every item before it. The offset still
     * numbers the page (edges, {@link PageInfo}); a list that cannot seek by the key pages by the offset. A null key
     * makes an offset cursor.
     */
    public static String encode(int offset, String key) {
        return key == null ? encode(offset) : Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset + KEY + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset of the first item after {@code cursor}; 0 when there is no cursor. */
    public static int offsetAfter(String cursor) {
        return after(cursor).offset();
    }

    /**
     * Where the page after {@code cursor} starts: the offset of its first item and, for a keyset cursor, the key of the
     * item before it (null for an offset cursor or none).
     */
    public static After after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return new After(0, null);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int keyAt = decoded.indexOf(KEY);
                int offset = Integer.parseInt(decoded.substring(PREFIX.length(), keyAt < 0 ? decoded.length() : keyAt));
                if (offset >= 0) {
                    return new After(offset + 1, keyAt < 0 ? null : decoded.substring(keyAt + KEY.length()));
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new BadUserInputException("after: '" + cursor + "' is not a cursor this API returned");
    }

    /** The start of a page: the offset of its first item, and the key of the item before it when the cursor had one. */
    public record After(int offset, String key) {
    }

    /** The edges of a page that starts at {@code offset}, each with its cursor. */
    public static <T, E> java.util.List<E> edges(java.util.List<T> page, int offset,
            java.util.function.BiFunction<T, String, E> edge) {
        return edges(page, offset, item -> null, edge);
    }

    /** The edges of a page that starts at {@code offset}, each with a keyset cursor of the item's {@code key} (null: offset). */
    public static <T, E> java.util.List<E> edges(java.util.List<T> page, int offset, java.util.function.Function<T, String> key,
            java.util.function.BiFunction<T, String, E> edge) {
        java.util.List<E> edges = new java.util.ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            edges.add(edge.apply(page.get(i), encode(offset + i, key.apply(page.get(i)))));
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
