package gov.planning.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets a laid-out table as a regional breakdown (任务分解表): first column the region, the
 * other columns periods, an optional 合计 column and a 合计 row. Totals are checked, never fixed:
 * a plan whose rows do not add up must be shown to a person.
 */
final class BreakdownTableReader {

    private static final Pattern TOTAL = Pattern.compile("^(?:全[市区省县盟旗州]?)?(?:合计|总计|合\\s*计|总\\s*计)$");
    private static final Pattern TITLE_UNIT = Pattern.compile("[（(]\\s*(?:计量)?单位\\s*[:：]\\s*([^）)]+?)\\s*[）)]\\s*$");
    private static final Pattern TRAILING_UNIT = Pattern.compile("\\s*(?:计量)?单位\\s*[:：]\\s*(\\S+)\\s*$");
    private static final Pattern ANNEX_PREFIX = Pattern.compile("^附\\s*件\\s*\\d*\\s*[:：]?\\s*");

    private final List<String> warnings;

    BreakdownTableReader(List<String> warnings) {
        this.warnings = warnings;
    }

    BreakdownTable read(RawTable raw) {
        String title = raw.title() == null ? "" : ANNEX_PREFIX.matcher(raw.title()).replaceFirst("");
        String unit = raw.unit();
        Matcher u = TITLE_UNIT.matcher(title);
        if (u.find()) {
            unit = unit == null ? u.group(1) : unit;
            title = title.substring(0, u.start());
        } else {
            Matcher t = TRAILING_UNIT.matcher(title);
            if (t.find()) {
                unit = unit == null ? t.group(1) : unit;
                title = title.substring(0, t.start());
            }
        }
        String name = title.isEmpty() ? "table at line " + raw.line() : "table「" + title + "」";
        if (title.isEmpty()) {
            warnings.add("Table at line " + raw.line() + " has no title");
        }
        if (unit == null) {
            warnings.add(cap(name) + " states no unit");
        }

        List<String> header = raw.header();
        int columns = header.isEmpty() ? raw.rows().stream().mapToInt(List::size).max().orElse(0) : header.size();
        int totalColumn = -1;
        List<String> periods = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            if (TOTAL.matcher(header.get(c)).matches()) {
                totalColumn = c;
            } else {
                periods.add(header.get(c));
            }
        }
        if (header.isEmpty()) {
            warnings.add(cap(name) + " has no header row; its columns are unnamed");
            for (int c = 1; c < columns; c++) {
                periods.add("column " + c);
            }
        }

        List<RegionalRow> rows = new ArrayList<>();
        List<Double> totals = null;
        Double grandTotal = null;
        boolean complete = true;
        for (List<String> cells : raw.rows()) {
            String region = cells.get(0);
            if (cells.size() != columns) {
                warnings.add(cap(name) + ": row「" + region + "」 has " + cells.size() + " cells where the header has "
                        + columns);
                complete = false;
                if (cells.size() < columns) {
                    continue;
                }
            }
            List<Double> values = new ArrayList<>();
            Double rowTotal = null;
            for (int c = 1; c < columns; c++) {
                Double v = value(cells.get(c));
                if (v == null) {
                    warnings.add(cap(name) + ": row「" + region + "」 cell「" + cells.get(c) + "」 is not a number");
                    complete = false;
                    v = 0.0;
                }
                if (c == totalColumn) {
                    rowTotal = v;
                } else {
                    values.add(v);
                }
            }
            if (TOTAL.matcher(region.replaceAll("\\s", "")).matches()) {
                totals = values;
                grandTotal = rowTotal;
            } else {
                rows.add(new RegionalRow(region, values, rowTotal));
            }
        }
        boolean match = complete && checkTotals(name, periods, rows, totals, grandTotal);
        return new BreakdownTable(title, unit, periods, rows, totals, grandTotal, match);
    }

    private boolean checkTotals(String name, List<String> periods, List<RegionalRow> rows, List<Double> totals,
                                Double grandTotal) {
        boolean ok = true;
        if (totals == null) {
            warnings.add(cap(name) + " has no 合计 row to check");
            return false;
        }
        for (int c = 0; c < periods.size() && c < totals.size(); c++) {
            final int col = c;
            List<Double> column = rows.stream().map(r -> r.values().get(col)).toList();
            double sum = column.stream().mapToDouble(Double::doubleValue).sum();
            if (!close(sum, totals.get(c), column)) {
                warnings.add(cap(name) + ": 合计 for " + periods.get(c) + " is " + fmt(totals.get(c))
                        + " but the rows add up to " + fmt(sum));
                ok = false;
            }
        }
        for (RegionalRow r : rows) {
            if (r.rowTotal() != null) {
                double sum = r.values().stream().mapToDouble(Double::doubleValue).sum();
                if (!close(sum, r.rowTotal(), r.values())) {
                    warnings.add(cap(name) + ": row「" + r.regionName() + "」 合计 is " + fmt(r.rowTotal())
                            + " but its periods add up to " + fmt(sum));
                    ok = false;
                }
            }
        }
        if (grandTotal != null) {
            double sum = totals.stream().mapToDouble(Double::doubleValue).sum();
            if (!close(sum, grandTotal, totals)) {
                warnings.add(cap(name) + ": overall 合计 is " + fmt(grandTotal) + " but the period totals add up to "
                        + fmt(sum));
                ok = false;
            }
        }
        return ok;
    }

    /**
     * Equal within rounding: figures printed with d decimals may each be off by half a unit of the
     * last place, so n of them may add up to n halves. Whole numbers (counts such as 个, 部) must
     * add up exactly.
     */
    static boolean close(double sum, double stated, List<Double> parts) {
        int decimals = 0;
        for (Double p : parts) {
            decimals = Math.max(decimals, Math.max(0, BigDecimal.valueOf(p).stripTrailingZeros().scale()));
        }
        decimals = Math.max(decimals, Math.max(0, BigDecimal.valueOf(stated).stripTrailingZeros().scale()));
        double tolerance = decimals == 0 ? 1e-9 : parts.size() * 0.5 * Math.pow(10, -decimals) + 1e-9;
        return Math.abs(sum - stated) <= tolerance;
    }

    private static Double value(String cell) {
        String c = cell.replace(",", "").replace("，", "").trim();
        if (c.matches("^[—–\\-－/／]+$")) {
            return 0.0; // a dash means nothing is assigned to that region in that period
        }
        try {
            return Double.parseDouble(c.replace("%", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
