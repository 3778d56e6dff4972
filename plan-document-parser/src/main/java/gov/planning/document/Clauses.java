package gov.planning.document;

import java.util.ArrayList;
import java.util.List;

/** Splits Chinese text into sentences and clauses without breaking inside brackets, quotes or 《》. */
final class Clauses {
    private Clauses() {
    }

    static List<String> sentences(String text) {
        return split(text, "。！？!?；;");
    }

    static List<String> clauses(String text) {
        return split(text, "。！？!?；;，,");
    }

    static List<String> split(String text, String separators) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("（(《“【[".indexOf(c) >= 0) {
                depth++;
            } else if ("）)》”】]".indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
            if (depth == 0 && separators.indexOf(c) >= 0) {
                add(out, cur);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = TextNormalizer.strip(cur.toString());
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /**
     * Sentences, further cut before every comma that opens a dated clause, so that
     * "2025年完成加装80部，2026年累计完成180部" gives two pieces while "到2020年，建成…" stays one.
     */
    static List<String> datedPieces(String text) {
        List<String> out = new ArrayList<>();
        for (String sentence : sentences(text)) {
            List<String> parts = split(sentence, "，,");
            StringBuilder cur = new StringBuilder();
            for (String p : parts) {
                if (cur.length() > 0 && DatePhrases.leading(p) != null && !isBareDate(cur.toString())) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                if (cur.length() > 0) {
                    cur.append('，');
                }
                cur.append(p);
            }
            if (cur.length() > 0) {
                out.add(cur.toString());
            }
        }
        return out;
    }

    /** "到2020年" alone: the date of the clause that follows it. */
    private static boolean isBareDate(String piece) {
        DatePhrases.Found f = DatePhrases.leading(piece);
        return f != null && piece.substring(f.end()).replaceAll("[底前末内]", "").isBlank();
    }
}
