package gov.planning.document;

/** A value with the year it refers to (year may be null when the text gives none). */
public record Measure(double value, Integer year) {
}
