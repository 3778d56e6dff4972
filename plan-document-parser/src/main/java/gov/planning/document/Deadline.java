package gov.planning.document;

import java.time.LocalDate;

/**
 * 完成时限 as understood. {@code date} is null for ongoing or recurring work and for wording that
 * could not be read; {@code text} always keeps the original wording so that a person can check.
 */
public record Deadline(LocalDate date, boolean ongoing, String text) {
}
