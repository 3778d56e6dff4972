package gov.planning.document;

import java.util.regex.Pattern;

/**
 * Evens out the noise that text extraction leaves: full-width spaces used as indentation,
 * non-breaking spaces, and spaces PDF converters put between Chinese characters and digits
 * ("内政办发〔2021〕40 号", "2023 年底"). Spaces between Latin words are kept.
 */
final class TextNormalizer {
    private TextNormalizer() {
    }

    private static final Pattern SPACE_NEXT_TO_CJK =
            Pattern.compile("[ \\u00A0\\u3000]+(?=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}“”‘’、。—])"
                    + "|(?<=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}“”‘’、。—])[ \\u00A0\\u3000]+");
    private static final Pattern SPACE_BEFORE_PERCENT = Pattern.compile("(?<=\\d)[ \\u00A0]+(?=[%‰])");

    static boolean isBlank(String s) {
        return s == null || strip(s).isEmpty();
    }

    /** strip() that also removes full-width and non-breaking spaces. */
    static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0' || c == '\uFEFF';
    }

    /** A line's text without indentation and without spaces that only split Chinese text. */
    static String normalize(String line) {
        String s = strip(line.replace('\uFEFF', ' '));
        s = SPACE_NEXT_TO_CJK.matcher(s).replaceAll("");
        s = SPACE_BEFORE_PERCENT.matcher(s).replaceAll("");
        return s;
    }

    /** Removes every space: used on short fields such as a document number or a date. */
    static String squeeze(String s) {
        return s == null ? null : s.replaceAll("[\\s\\u3000\\u00A0]+", "");
    }
}
