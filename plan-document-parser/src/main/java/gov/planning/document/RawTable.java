package gov.planning.document;

import java.util.List;

/**
 * A table as laid out in the text, before its cells are interpreted.
 *
 * @param title  title line as written (may still carry a unit parenthesis), null if none found
 * @param unit   text of a separate 单位 line, null if none
 * @param header header cells
 * @param rows   body rows, each a list of cells; in the one-cell-per-line layout a row is a name cell and
 *               the value cells that follow it, so a short or long row shows up as a wrong cell count
 * @param line   1-based line number of the header
 */
record RawTable(String title, String unit, List<String> header, List<List<String>> rows, int line) {
}
