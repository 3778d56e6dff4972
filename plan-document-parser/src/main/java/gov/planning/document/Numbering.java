package gov.planning.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Outline numbering styles, in the order they nest: 第一章 › 第一节 › 一、 › （一） › 1. › （1）.
 * Brackets may be full- or half-width and stray spaces may sit anywhere inside the marker, because
 * documents come from Word, PDF and web pages alike.
 */
enum Numbering {
    CHAPTER(Pattern.compile("^第\\s*([零〇一二两三四五六七八九十百\\d]+)\\s*(?<word>章|部分|篇)\\s*(.*)$")),
    SECTION(Pattern.compile("^第\\s*([零〇一二两三四五六七八九十百\\d]+)\\s*节\\s*(.*)$")),
    CHINESE_ORDINAL(Pattern.compile("^([零〇一二三四五六七八九十百]+)\\s*[、，,．.]\\s*(.*)$")),
    PAREN_CHINESE(Pattern.compile("^[（(]\\s*([零〇一二三四五六七八九十百]+)\\s*[）)]\\s*[、.，,]?\\s*(.*)$")),
    // The look-ahead keeps decimals (2.5万) and dates (2025.6.30) from being read as numbering.
    ARABIC(Pattern.compile("^(\\d{1,2})\\s*(?:[.．﹒、](?!\\s*\\d)|[.．﹒](?=\\s*[^\\d]))\\s*(.*)$")),
    PAREN_ARABIC(Pattern.compile("^[（(]\\s*(\\d{1,2})\\s*[）)]\\s*[、.，,]?\\s*(.*)$"));

    private final Pattern pattern;

    Numbering(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Nesting rank: a marker nests under any open marker of lower rank. */
    int rank() {
        return ordinal();
    }

    /** A numbered line split into its canonical number and the rest. */
    record Marker(Numbering style, String number, int ordinal, String rest) {
    }

    static Marker match(String line) {
        for (Numbering n : values()) {
            Matcher m = n.pattern.matcher(line);
            if (m.matches()) {
                String digits = m.group(1);
                String rest = m.group(m.groupCount()).strip();
                if (n == CHINESE_ORDINAL && rest.isEmpty()) {
                    continue; // a bare "一、" line is more likely a stray fragment than a heading
                }
                int ordinal = digits.chars().allMatch(Character::isDigit)
                        ? Integer.parseInt(digits) : ChineseNumerals.parse(digits);
                if (ordinal <= 0) {
                    continue;
                }
                String number = n == CHAPTER ? "第" + digits + m.group("word") : n.format(digits);
                return new Marker(n, number, ordinal, rest);
            }
        }
        return null;
    }

    private String format(String digits) {
        return switch (this) {
            case CHAPTER -> "第" + digits + "章"; // replaced by the word actually used
            case SECTION -> "第" + digits + "节";
            case CHINESE_ORDINAL -> digits + "、";
            case PAREN_CHINESE, PAREN_ARABIC -> "（" + digits + "）";
            case ARABIC -> digits + ".";
        };
    }

    /** A comparison key for user-typed numbers: "(二十八)", "（二十八）", " 二十八 " all give 二十八. */
    static String canonicalKey(String number) {
        return number == null ? "" : number.replaceAll("[\\s（）()、.．]", "");
    }
}
