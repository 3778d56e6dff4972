package gov.planning.document;

/** Chinese numerals as used in outline numbering (一 … 九十九, 一百 …). */
final class ChineseNumerals {
    private ChineseNumerals() {
    }

    static boolean isNumeral(char c) {
        return "零〇一二两三四五六七八九十百".indexOf(c) >= 0;
    }

    /** Value of a numeral such as 六十三; -1 when the text is not one. */
    static int parse(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        int total = 0;
        int digit = -1;
        for (char c : s.toCharArray()) {
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '〇') {
                d = 0;
            } else if (c == '两') {
                d = 2;
            }
            if (d >= 0) {
                digit = d;
            } else if (c == '十') {
                total += (digit < 0 ? 1 : digit) * 10;
                digit = -1;
            } else if (c == '百') {
                total += (digit < 0 ? 1 : digit) * 100;
                digit = -1;
            } else {
                return -1;
            }
        }
        return total + Math.max(digit, 0);
    }
}
