package gov.planning.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds tables in the line stream. Two layouts occur: rows whose cells are separated by tabs (or
 * runs of spaces), as pasted from Word or Excel; and one cell per line, as extracted from PDF. The
 * second has no row boundaries, so a row is taken to start at every cell that is not a number.
 */
final class TableLayout {
    private TableLayout() {
    }

    private static final Pattern NUMBER = Pattern.compile("^[-+]?\\d+(?:\\.\\d+)?%?$");
    private static final Pattern EMPTY_VALUE = Pattern.compile("^[—–\\-－/／]+$");
    private static final Pattern YEAR = Pattern.compile("^(19[5-9]\\d|20\\d\\d)$");
    private static final Pattern PERIOD = Pattern.compile(
            "^(?:\\d{4}(?:年(?:底|末)?)?(?:[-—–~～至]\\d{4}年?)?|合计|小计|总计|累计|\\d{4}年(?:上|下)半年)$");
    private static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[。，,；;：:！？!?、]");
    static final Pattern UNIT_LINE = Pattern.compile("^[（(]?\\s*(?:计量)?单位\\s*[:：]\\s*([^）)]+?)\\s*[）)]?$");
    private static final Pattern ANNEX_LINE = Pattern.compile("^附\\s*件\\s*\\d*\\s*[:：]?$");
    private static final Pattern SPACED_ROW = Pattern.compile("^\\S+(?:[ \\u3000]{1,}\\S+){2,}$");

    static boolean isValue(String cell) {
        return NUMBER.matcher(cell).matches() || EMPTY_VALUE.matcher(cell).matches();
    }

    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell).matches();
    }

    /**
     * Splits a raw (not yet normalised) line into cells when it is laid out as a space-separated
     * row; null otherwise. Prose also contains spaces, so every cell must be short and bare, and the
     * cells must be numbers or period headings.
     */
    static String[] spacedRow(String raw) {
        String s = TextNormalizer.strip(raw);
        if (!SPACED_ROW.matcher(s).matches()) {
            return null;
        }
        String[] cells = s.split("[ \\u3000]+");
        int values = 0;
        int periods = 0;
        for (String c : cells) {
            if (c.length() > 12 || SENTENCE_PUNCTUATION.matcher(c).find()) {
                return null;
            }
            if (isValue(c)) {
                values++;
            } else if (PERIOD.matcher(c).matches()) {
                periods++;
            }
        }
        boolean dataRow = values == cells.length - 1 && !isValue(cells[0]);
        boolean headerRow = periods >= 2 && periods + 1 >= cells.length - 1;
        return dataRow || headerRow ? cells : null;
    }

    private static boolean isCellLine(String s) {
        return !s.isEmpty() && !s.contains("\t") && s.length() <= 16 && !SENTENCE_PUNCTUATION.matcher(s).find()
                && Numbering.match(s) == null && !s.startsWith("附件") && !s.endsWith("表") && !s.contains("单位")
                && !s.matches(".*\\d{4}年\\d{1,2}月(\\d{1,2}日)?");
    }

    private static List<String> cells(String tabbed) {
        List<String> out = new ArrayList<>();
        for (String c : tabbed.split("\t")) {
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    static void find(List<String> lines, boolean[] consumed, List<RawTable> out) {
        int i = 0;
        while (i < lines.size()) {
            String s = lines.get(i);
            if (s.contains("\t") && cells(s).size() >= 2) {
                i = tabTable(lines, i, consumed, out);
            } else if (isCellLine(s)) {
                i = cellPerLineTable(lines, i, consumed, out);
            } else {
                i++;
            }
        }
    }

    private static int tabTable(List<String> lines, int first, boolean[] consumed, List<RawTable> out) {
        List<List<String>> rows = new ArrayList<>();
        int i = first;
        int lastRow = first;
        while (i < lines.size()) {
            String s = lines.get(i);
            if (s.isEmpty()) {
                i++;
                continue;
            }
            if (!s.contains("\t") || cells(s).size() < 2) {
                break;
            }
            rows.add(cells(s));
            lastRow = i;
            i++;
        }
        if (rows.size() < 2) {
            return first + 1;
        }
        List<String> header = List.of();
        boolean firstIsHeader = rows.get(0).stream().skip(1).noneMatch(TableLayout::isValue);
        if (firstIsHeader) {
            header = rows.remove(0);
        }
        mark(consumed, first, lastRow);
        out.add(withTitle(lines, first, consumed, header, rows));
        return lastRow + 1;
    }

    private static int cellPerLineTable(List<String> lines, int first, boolean[] consumed, List<RawTable> out) {
        List<String> cells = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        int i = first;
        while (i < lines.size()) {
            String s = lines.get(i);
            if (s.isEmpty()) {
                i++;
                continue;
            }
            if (!isCellLine(s)) {
                break;
            }
            cells.add(s);
            at.add(i);
            i++;
        }
        int firstValue = -1;
        int numbers = 0;
        for (int k = 0; k < cells.size(); k++) {
            String c = cells.get(k);
            if (isNumber(c)) {
                numbers++;
            }
            if (firstValue < 0 && isValue(c) && !YEAR.matcher(c).matches()) {
                firstValue = k;
            }
        }
        // A header of at least two cells, a first region name, and some figures: anything less is prose.
        if (firstValue < 3 || numbers < 3 || cells.size() < 6) {
            return first + 1;
        }
        List<String> header = new ArrayList<>(cells.subList(0, firstValue - 1));
        List<List<String>> rows = new ArrayList<>();
        List<String> row = null;
        for (String c : cells.subList(firstValue - 1, cells.size())) {
            if (!isValue(c)) {
                row = new ArrayList<>();
                rows.add(row);
            }
            if (row != null) {
                row.add(c);
            }
        }
        int headerLine = at.get(0);
        mark(consumed, headerLine, at.get(at.size() - 1));
        out.add(withTitle(lines, headerLine, consumed, header, rows));
        return at.get(at.size() - 1) + 1;
    }

    /** Looks above the header for the table's unit line, title and 附件 line, and consumes them. */
    private static RawTable withTitle(List<String> lines, int headerLine, boolean[] consumed, List<String> header,
                                      List<List<String>> rows) {
        String title = null;
        String unit = null;
        int seen = 0;
        for (int j = headerLine - 1; j >= 0 && seen < 4; j--) {
            String s = lines.get(j);
            if (s.isEmpty()) {
                continue;
            }
            if (consumed[j]) {
                break;
            }
            seen++;
            Matcher u = UNIT_LINE.matcher(s);
            if (unit == null && title == null && u.matches()) {
                unit = u.group(1);
                consumed[j] = true;
                continue;
            }
            if (ANNEX_LINE.matcher(s).matches()) {
                consumed[j] = true;
                break;
            }
            if (title == null && looksLikeTitle(s)) {
                title = s;
                consumed[j] = true;
                continue;
            }
            break;
        }
        return new RawTable(title, unit, header, rows, headerLine + 1);
    }

    private static boolean looksLikeTitle(String s) {
        return s.length() <= 80 && !s.contains("。") && Numbering.match(s) == null
                && !DocumentLayout.LABEL.matcher(s).matches();
    }

    private static void mark(boolean[] consumed, int from, int to) {
        Arrays.fill(consumed, from, to + 1, true);
    }
}
