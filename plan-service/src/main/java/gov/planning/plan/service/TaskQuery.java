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
 * caller's organizations (and those they act for), which the inbox's flags are computed for.
 */
public record TaskQuery(Set<UUID> planIds, Set<UUID> orgIds, TaskRole role, Health health, List<TaskStatus> statuses,
        LocalDate dueBefore, LocalDate dueAfter, String search, Set<UUID> mine, Boolean reportDue, Boolean returned,
        TaskSort sortBy, SortOrder order, int offset, int limit, DocumentKey after) {

    /** Paged by offset only. */
    public TaskQuery(Set<UUID> planIds, Set<UUID> orgIds, TaskRole role, Health health, List<TaskStatus> statuses,
            LocalDate dueBefore, LocalDate dueAfter, String search, Set<UUID> mine, Boolean reportDue, Boolean returned,
            TaskSort sortBy, SortOrder order, int offset, int limit) {
        this(planIds, orgIds, role, health, statuses, dueBefore, dueAfter, search, mine, reportDue, returned, sortBy, order, offset,
                limit, null);
    }

    /** Whether the list is in document order, the order {@link DocumentKey} seeks in. */
    public boolean inDocumentOrder() {
        return sortBy == null || sortBy == TaskSort.NUMBER;
    }

    /**
     * A task's place in document order (plan, position, id): a keyset cursor's key, so that the page after it starts at
     * that place in {@code task_document_order_idx} rather than after counting off every task before it.
     */
    public record DocumentKey(UUID planId, int position, UUID id) {

        public static DocumentKey of(Task task) {
            return new DocumentKey(task.planId, task.position, task.id);
        }

        /** The key of a cursor this API made; null for none. */
        public static DocumentKey parse(String key) {
            if (key == null) {
                return null;
            }
            String[] parts = key.split(",");
            try {
                if (parts.length == 3) {
                    return new DocumentKey(UUID.fromString(parts[0]), Integer.parseInt(parts[1]), UUID.fromString(parts[2]));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
            throw new BadUserInputException("after: not a cursor of this list");
        }

        @Override
        public String toString() {
            return planId + "," + position + "," + id;
        }
    }
}
