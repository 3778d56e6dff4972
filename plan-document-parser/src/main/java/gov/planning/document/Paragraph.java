package gov.planning.document;

/**
 * One logical paragraph after wrapped lines were joined.
 *
 * @param text   normalised text
 * @param line   1-based line number where it starts, for warnings
 */
record Paragraph(String text, int line) {

    Numbering.Marker marker() {
        return Numbering.match(text);
    }
}
