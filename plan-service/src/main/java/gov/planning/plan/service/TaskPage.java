package gov.planning.plan.service;

import java.util.List;

/** One page of a task list and how many tasks the whole list has. */
public record TaskPage(List<Listed> items, long total) {

    /** A task of the page; {@code reportDue} and {@code returned} are the inbox's flags (false in other lists). */
    public record Listed(AssessedTask task, boolean reportDue, boolean returned) {
    }
}
