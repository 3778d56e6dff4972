package gov.planning.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns extracted text into paragraphs and tables. Text pasted from Word has one paragraph per
 * line; text from PDF is cut at a fixed width (often with blank lines between the pieces) and
 * carries page numbers; text from web pages carries navigation junk. This class removes the page
 * furniture, lifts out tables, and joins wrapped lines back into paragraphs.
 */
final class DocumentLayout {

    /** Result of reading the layout. */
    record Result(List<Paragraph> paragraphs, List<RawTable> tables) {
    }

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—–－‒―]+\\s*\\d{1,4}\\s*[-—–－‒―]+|第\\s*\\d+\\s*页(?:\\s*[，,]?\\s*共\\s*\\d+\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4})$");
    private static final Pattern WEB_JUNK = Pattern.compile(
            "^(?:打印|关闭|收藏|已收藏|打印关闭收藏|【?打印】?\\s*【?关闭】?|扫一扫.*|分享到.*|上一篇[:：].*|下一篇[:：].*|信息来源[:：].*|附件下载.*|字号[:：].*)$"
                    + "|<\\s*/?\\s*[A-Za-z]+\\s*/?>");
    private static final Pattern FIGURE_CAPTION = Pattern.compile("^图\\s*\\d+\\s*\\S.{0,40}$");
    static final Pattern LABEL = Pattern.compile(
            "^(牵头负责领导|牵头领导|责任领导|分管领导|牵头责任单位|协同责任单位|牵头单位|牵头部门|主要责任单位|责任单位|责任部门|参加单位|参与单位|配合单位|配合部门|协办单位|协同单位"
                    + "|完成时限|完成时间|完成期限|时间节点|时限要求|预期成果和时间进度|预期成果|时间进度|进度安排)\\s*[:：]\\s*(.*)$");
    private static final String TERMINAL = "。！？!?；;：:";

    private DocumentLayout() {
    }

    private record Line(int number, String text, boolean indented, boolean blank) {
    }

    static Result read(String text) {
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String r = raw[i].replace('\uFEFF', ' ');
            String[] spaced = r.contains("\t") ? null : TableLayout.spacedRow(r);
            String norm = r.contains("\t") ? normalizeCells(r)
                    : spaced != null ? String.join("\t", spaced) : TextNormalizer.normalize(r);
            boolean blank = norm.isEmpty() || isFurniture(norm);
            boolean indented = r.startsWith("\u3000") || r.startsWith("  ") || r.startsWith("\u00A0\u00A0");
            lines.add(new Line(i + 1, blank ? "" : norm, indented, blank));
        }
        List<RawTable> tables = new ArrayList<>();
        boolean[] consumed = new boolean[lines.size()];
        TableLayout.find(lines.stream().map(Line::text).toList(), consumed, tables);
        return new Result(joinParagraphs(lines, consumed), tables);
    }

    private static String normalizeCells(String row) {
        String[] cells = row.split("\t");
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            out.add(TextNormalizer.normalize(c));
        }
        return TextNormalizer.strip(String.join("\t", out));
    }

    static boolean isFurniture(String s) {
        return PAGE_NUMBER.matcher(s).matches() || WEB_JUNK.matcher(s).find() || FIGURE_CAPTION.matcher(s).matches();
    }

    static boolean startsParagraph(String s) {
        return Numbering.match(s) != null || LABEL.matcher(s).matches() || s.startsWith("——") || s.startsWith("抄送")
                || s.startsWith("附件");
    }

    private static List<Paragraph> joinParagraphs(List<Line> lines, boolean[] consumed) {
        int wrapWidth = wrapWidth(lines);
        boolean indentStyle = indentStyle(lines);
        List<Paragraph> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        String last = null;
        boolean sawBlank = false;
        boolean currentIndented = false;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (consumed[i]) {
                current = flush(out, current, start);
                last = null;
                continue;
            }
            if (l.blank()) {
                sawBlank = true;
                continue;
            }
            boolean join = current != null && last != null && !startsParagraph(l.text())
                    && TERMINAL.indexOf(last.charAt(last.length() - 1)) < 0
                    && continuesWrapped(last, l, wrapWidth, indentStyle && currentIndented, sawBlank);
            if (join) {
                current.append(l.text());
            } else {
                current = flush(out, current, start);
                current = new StringBuilder(l.text());
                start = l.number();
                currentIndented = l.indented();
            }
            last = l.text();
            sawBlank = false;
        }
        flush(out, current, start);
        return out;
    }

    private static boolean continuesWrapped(String previous, Line line, int wrapWidth, boolean indentStyle,
                                            boolean blankBetween) {
        if (wrapWidth > 0 && previous.length() >= wrapWidth - 4) {
            return true; // cut at the page width: the sentence goes on, blank lines or not
        }
        // Word-style text indents every paragraph: an unindented line after an unfinished indented
        // paragraph is its tail. Titles are not indented, so they are never joined this way.
        return indentStyle && !blankBetween && !line.indented() && previous.length() >= 20
                && !previous.endsWith("）") && !previous.endsWith(")");
    }

    private static StringBuilder flush(List<Paragraph> out, StringBuilder current, int start) {
        if (current != null && current.length() > 0) {
            out.add(new Paragraph(current.toString(), start));
        }
        return null;
    }

    /** The width a PDF converter cut lines at, or 0 when lines are not cut at a fixed width. */
    private static int wrapWidth(List<Line> lines) {
        Map<Integer, Integer> counts = new HashMap<>();
        int longLines = 0;
        for (Line l : lines) {
            if (!l.blank() && l.text().length() >= 15 && !l.text().contains("\t")) {
                counts.merge(l.text().length(), 1, Integer::sum);
                longLines++;
            }
        }
        int best = 0;
        int bestCount = 0;
        for (int len : counts.keySet()) {
            int c = counts.getOrDefault(len - 1, 0) + counts.get(len) + counts.getOrDefault(len + 1, 0);
            if (c > bestCount || (c == bestCount && len > best)) {
                best = len;
                bestCount = c;
            }
        }
        return bestCount >= 8 && bestCount * 4 >= longLines ? best + 1 : 0;
    }

    private static boolean indentStyle(List<Line> lines) {
        int indented = 0;
        int total = 0;
        for (Line l : lines) {
            if (!l.blank() && l.text().length() >= 15) {
                total++;
                if (l.indented()) {
                    indented++;
                }
            }
        }
        return total > 0 && indented * 5 >= total * 2;
    }
}
