package gov.planning.plan.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import gov.planning.common.api.SortOrder;
import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.entity.TaskStatus;

/**
 * One page of a task list as {@link TaskReads#list} reads it in SQL: the filters (each null: no filter), the order and
 * the page. {@code orgIds} are already widened (predecessors, sub-organizations); {@code mine}, when set, are the
 * caller's organizations (and those they act for), which the inbox's flags are computed for.
 */
public record TaskQuery(Set<UUID> planIds, Set<UUID> orgIds, TaskRole role, Health health, List<TaskStatus> statuses,
        LocalDate dueBefore, LocalDate dueAfter, String search, Set<UUID> mine, Boolean reportDue, Boolean returned,
        TaskSort sortBy, SortOrder order, int offset, int limit) {
}
