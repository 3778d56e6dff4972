package gov.planning.plan.service;

import java.util.List;
import java.util.UUID;

import gov.planning.common.error.BadUserInputException;

/**
 * One page of the supervision dashboard's organizations (most red first), how many organizations it has in all, their
 * sums (全部单位合计: every column added up over all organizations, a task led by two counting for each, as in the rows)
 * and whether a page follows.
 */
public record HealthCountPage(List<OrgHealth> items, int organizations, Sum sum, boolean more) {

    /** The columns of every organization's row added up. */
    public record Sum(int green, int yellow, int red, int done) {

        public int total() {
            return green + yellow + red + done;
        }
    }

    /**
     * A row's place in the dashboard's order (red descending, yellow descending, organization id), the key of its keyset
     * cursor: the page after it starts right after that place, also when rows before it moved meanwhile.
     */
    public record Key(int red, int yellow, UUID org) {

        public static Key of(OrgHealth row) {
            return new Key(row.red(), row.yellow(), row.orgId());
        }

        /** The key of a cursor this API made; null for none. */
        public static Key parse(String key) {
            if (key == null) {
                return null;
            }
            String[] parts = key.split(",");
            try {
                if (parts.length == 3 && parts[0].startsWith("h")) {
                    return new Key(Integer.parseInt(parts[0].substring(1)), Integer.parseInt(parts[1]), UUID.fromString(parts[2]));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
            throw new BadUserInputException("after: not a cursor of this list");
        }

        @Override
        public String toString() {
            // "h" tells it from a task list's document key (plan,position,id), which also has three parts
            return "h" + red + "," + yellow + "," + org;
        }
    }
}
