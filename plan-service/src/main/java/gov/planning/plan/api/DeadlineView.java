package gov.planning.plan.api;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.plan.entity.Task;

/** 完成时限: a date, or ongoing (长期坚持); {@code text} is the document's wording, else the date or 长期坚持. */
@Type("Deadline")
@Name("Deadline")
public record DeadlineView(LocalDate date, @NonNull Boolean ongoing, @NonNull String text) {

    static final String ONGOING = "长期坚持";

    static DeadlineView of(Task t) {
        if (t.deadlineDate == null && !t.deadlineOngoing && t.deadlineText == null) {
            return null;
        }
        String text = t.deadlineText != null ? t.deadlineText
                : t.deadlineOngoing ? ONGOING : t.deadlineDate.toString();
        return new DeadlineView(t.deadlineDate, t.deadlineOngoing, text);
    }
}
