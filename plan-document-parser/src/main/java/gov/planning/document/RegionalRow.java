package gov.planning.document;

import java.util.List;

/**
 * One region's row of a breakdown table.
 *
 * @param regionName name as written in the first cell
 * @param values     one value per period, in column order
 * @param rowTotal   the row's own 合计 cell when the table has a total column, else null
 */
public record RegionalRow(String regionName, List<Double> values, Double rowTotal) {
    public RegionalRow {
        values = List.copyOf(values);
    }
}
