package gov.planning.plan.service;

import java.util.List;

/**
 * One page of a task list and how many tasks the whole list has. {@code more}: whether tasks follow the page, when the
 * page's offset is not known (after a keyset cursor, tasks before the cursor may have left or joined the list); null
 * when the offset the page was asked at tells.
 */
public record TaskPage(List<Listed> items, long total, Boolean more) {

    public TaskPage(List<Listed> items, long total) {
        this(items, total, null);
    }

    /** Whether tasks follow this page, which was asked at {@code offset}. */
    public boolean hasNextPage(int offset) {
        return more != null ? more : offset + items.size() < total;
    }

    /** A task of the page; {@code reportDue} and {@code returned} are the inbox's flags (false in other lists). */
    public record Listed(AssessedTask task, boolean reportDue, boolean returned) {
    }
}
