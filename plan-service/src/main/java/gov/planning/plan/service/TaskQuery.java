package gov.planning.plan.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import gov.planning.common.api.SortOrder;
import gov.planning.common.error.BadUserInputException;
import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.entity.TaskStatus;

/**
 * One page of a task list as {@link TaskReads#list} reads it in SQL: the filters (each null: no filter), the order and
 * the page. {@code orgIds} are already widened (predecessors, sub-organizations); {@code mine}, when set, are the
 * caller's organizations (and those they act for), which the inbox's flags are computed for; {@code counted}: whether the
 * list's total is read (a count reads the whole list, so only when the client selects {@code totalCount}). Built with
 * {@link #builder()}: most lists set a few of the seventeen parts.
 */
public record TaskQuery(Set<UUID> planIds, Set<UUID> orgIds, TaskRole role, Health health, List<TaskStatus> statuses,
        LocalDate dueBefore, LocalDate dueAfter, String search, Set<UUID> mine, Boolean reportDue, Boolean returned,
        TaskSort sortBy, SortOrder order, int offset, int limit, SortKey after, boolean counted) {

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the list is in document order, the order {@link DocumentKey} seeks in. */
    public boolean inDocumentOrder() {
        return sortBy == null || sortBy == TaskSort.NUMBER;
    }

    /**
     * A keyset cursor's key: the place of the cursor's task in the list's order, so that the next page starts right after
     * it (also when tasks before it left the list) rather than after counting off every task before it. Every order has
     * one: document order ({@link DocumentKey}), health ({@link HealthKey}) and the orders by a column ({@link ValueKey}).
     * Cursors are made and read here only (docs/decisions/0019).
     */
    public sealed interface SortKey permits DocumentKey, HealthKey, ValueKey {

        /** The key of a cursor this API made; null for none. */
        static SortKey parse(String key) {
            if (key == null) {
                return null;
            }
            ValueKey value = ValueKey.parse(key);
            if (value != null) {
                return value;
            }
            String[] parts = key.split(",");
            try {
                if (parts.length == 3) {
                    return new DocumentKey(UUID.fromString(parts[0]), Integer.parseInt(parts[1]), UUID.fromString(parts[2]));
                }
                if (parts.length == 2) {
                    return new HealthKey(Health.valueOf(parts[0]), UUID.fromString(parts[1]));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
            throw new BadUserInputException("after: not a cursor of this list");
        }

        /** The key of {@code task} in a list sorted by {@code sortBy}. */
        static SortKey of(AssessedTask task, TaskSort sortBy) {
            if (sortBy == null || sortBy == TaskSort.NUMBER) {
                return DocumentKey.of(task.task());
            }
            return sortBy == TaskSort.HEALTH ? new HealthKey(task.health(), task.task().id) : ValueKey.of(task, sortBy);
        }
    }

    /**
     * A task's place in document order (plan, position, id), so that the page after it starts at that place in
     * {@code task_document_order_idx}.
     */
    public record DocumentKey(UUID planId, int position, UUID id) implements SortKey {

        public static DocumentKey of(Task task) {
            return new DocumentKey(task.planId, task.position, task.id);
        }

        @Override
        public String toString() {
            return planId + "," + position + "," + id;
        }
    }

    /** A task's place in the order by health (most urgent first, then by id): the inbox's default order. */
    public record HealthKey(Health health, UUID id) implements SortKey {

        /** The health's place in {@code sortBy: HEALTH}, as TaskListSql ranks it. */
        public int rank() {
            return switch (health) {
                case RED -> 0;
                case YELLOW -> 1;
                case GREEN -> 2;
                case DONE -> 3;
            };
        }

        @Override
        public String toString() {
            return health + "," + id;
        }
    }

    /**
     * A task's place in a list sorted by one of its values ({@code sort}: DEADLINE, PROGRESS, UPDATED or TITLE): the value
     * as text ({@code value}; null for no deadline or no reported percent, which sort last in both directions) and the
     * task's id, the tie-break. Written {@code SORT:id} or {@code SORT:id=value}: the value last and whole, so that a title
     * may hold any text (commas, colons, equals signs) and an empty title is not a missing value.
     */
    public record ValueKey(TaskSort sort, String value, UUID id) implements SortKey {

        private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile(
                "(DEADLINE|PROGRESS|UPDATED|TITLE):([0-9a-fA-F-]{36})(?:=(.*))?", java.util.regex.Pattern.DOTALL);

        static ValueKey of(AssessedTask assessed, TaskSort sort) {
            Task task = assessed.task();
            Object value = switch (sort) {
                case DEADLINE -> task.deadlineDate;
                case PROGRESS -> assessed.progressPercent();
                case UPDATED -> task.updatedAt;
                case TITLE -> task.title;
                case NUMBER, HEALTH -> throw new IllegalArgumentException(sort + " has a key of its own");
            };
            return new ValueKey(sort, value == null ? null : value.toString(), task.id);
        }

        /** The key written {@code key}, null when it is not of this form; a value its sort cannot read: BAD_USER_INPUT. */
        static ValueKey parse(String key) {
            java.util.regex.Matcher form = FORM.matcher(key);
            if (!form.matches()) {
                return null;
            }
            TaskSort sort = TaskSort.valueOf(form.group(1));
            String value = form.group(3);
            // Only a deadline and a percent may be missing (sorted last); a title and the last change never are.
            boolean readable = value == null ? sort == TaskSort.DEADLINE || sort == TaskSort.PROGRESS : readable(sort, value);
            if (!readable) {
                throw new BadUserInputException("after: not a cursor of this list");
            }
            try {
                return new ValueKey(sort, value, UUID.fromString(form.group(2)));
            } catch (IllegalArgumentException e) {
                throw new BadUserInputException("after: not a cursor of this list");
            }
        }

        /** Whether PostgreSQL reads {@code value} as the sort's type too (years 1 to 9999, as a deadline is checked). */
        private static boolean readable(TaskSort sort, String value) {
            try {
                return switch (sort) {
                    case DEADLINE -> value.length() == 10 && LocalDate.parse(value).getYear() >= 1;
                    case PROGRESS -> Integer.parseInt(value) >= 0;
                    case UPDATED -> {
                        int year = java.time.Instant.parse(value).atOffset(java.time.ZoneOffset.UTC).getYear();
                        yield year >= 1 && year <= 9999;
                    }
                    default -> true;
                };
            } catch (java.time.DateTimeException | NumberFormatException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return sort + ":" + id + (value == null ? "" : "=" + value);
        }
    }

    /** Every part null (no filter), offset 0, no limit until {@link #page} sets one, counted. */
    public static final class Builder {
        private Set<UUID> planIds;
        private Set<UUID> orgIds;
        private TaskRole role;
        private Health health;
        private List<TaskStatus> statuses;
        private LocalDate dueBefore;
        private LocalDate dueAfter;
        private String search;
        private Set<UUID> mine;
        private Boolean reportDue;
        private Boolean returned;
        private TaskSort sortBy;
        private SortOrder order;
        private int offset;
        private int limit;
        private SortKey after;
        private boolean counted = true;

        private Builder() {
        }

        public Builder plans(Set<UUID> planIds) {
            this.planIds = planIds;
            return this;
        }

        /** Tasks of these organizations (already widened) in {@code role} (null or ANY: any role). */
        public Builder orgs(Set<UUID> orgIds, TaskRole role) {
            this.orgIds = orgIds;
            this.role = role;
            return this;
        }

        public Builder health(Health health) {
            this.health = health;
            return this;
        }

        public Builder statuses(List<TaskStatus> statuses) {
            this.statuses = statuses;
            return this;
        }

        public Builder due(LocalDate before, LocalDate after) {
            this.dueBefore = before;
            this.dueAfter = after;
            return this;
        }

        public Builder search(String search) {
            this.search = search;
            return this;
        }

        /** The inbox: the caller's organizations, which its flags are computed for, and the flags to filter by. */
        public Builder inbox(Set<UUID> mine, Boolean reportDue, Boolean returned) {
            this.mine = mine;
            this.reportDue = reportDue;
            this.returned = returned;
            return this;
        }

        public Builder sort(TaskSort sortBy, SortOrder order) {
            this.sortBy = sortBy;
            this.order = order;
            return this;
        }

        /** {@code limit} tasks after the first {@code offset}, or right after {@code after}'s task when it has a key. */
        public Builder page(int offset, int limit, SortKey after) {
            this.offset = offset;
            this.limit = limit;
            this.after = after;
            return this;
        }

        /** Whether the list's total is read; false when no one asked for it (the page then reads one row more). */
        public Builder counted(boolean counted) {
            this.counted = counted;
            return this;
        }

        public TaskQuery build() {
            return new TaskQuery(planIds, orgIds, role, health, statuses, dueBefore, dueAfter, search, mine, reportDue, returned,
                    sortBy, order, offset, limit, after, counted);
        }
    }
}
