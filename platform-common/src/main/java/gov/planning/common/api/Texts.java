package gov.planning.common.api;

import java.text.Normalizer;

import gov.planning.common.error.BadUserInputException;

/**
 * Text as staff mean it: surrounding spaces (half- and full-width) dropped and Unicode NFC applied, so a document
 * number or period typed on another machine (CJK compatibility ideographs, decomposed accents) is the same text, and
 * the uniqueness rules that compare them see it as the same.
 */
public final class Texts {

    private Texts() {
    }

    /** Stripped NFC text, or null when {@code text} is null or blank. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * Cleaned text that must remain: text of spaces only is refused as {@code BAD_USER_INPUT} naming {@code field}
     * (Bean Validation's {@code @NotBlank} lets full-width spaces through, which would then store an empty value).
     */
    public static String required(String field, String text) {
        String cleaned = clean(text);
        if (cleaned == null) {
            throw new BadUserInputException(field + ": must not be blank");
        }
        return cleaned;
    }
}
