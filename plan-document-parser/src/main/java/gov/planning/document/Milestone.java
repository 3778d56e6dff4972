package gov.planning.document;

import java.time.LocalDate;

/** A dated expected outcome inside one task; {@code description} is the clause as written. */
public record Milestone(LocalDate dueDate, String description) {
}
