package gov.planning.document;

import java.util.List;

/**
 * An annex breakdown table (任务分解表): values per region and period with a 合计 row.
 *
 * @param title       title as written, without the unit parenthesis
 * @param unit        from a 单位：… line or the title's parenthesis; null if none given
 * @param periods     column headers other than the region column and any total column
 * @param rows        one row per region, the 合计 row excluded
 * @param totals      the 合计 row per period, null when the table has no 合计 row
 * @param grandTotal  the 合计 row's value in the total column, if the table has one
 * @param totalsMatch true when every stated total equals the sum it stands for, within rounding
 */
public record BreakdownTable(String title, String unit, List<String> periods, List<RegionalRow> rows,
                             List<Double> totals, Double grandTotal, boolean totalsMatch) {
    public BreakdownTable {
        periods = List.copyOf(periods);
        rows = List.copyOf(rows);
        totals = totals == null ? null : List.copyOf(totals);
    }
}
