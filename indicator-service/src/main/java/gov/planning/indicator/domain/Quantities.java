package gov.planning.indicator.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number handling shared by the sum check and the messages people read. */
public final class Quantities {

    /**
     * Relative tolerance for comparing sums of doubles. It absorbs binary rounding (0.1 + 0.2, 亩 → 万亩 conversion)
     * but nothing a person could have typed: a table off by one 亩 in a million is still a mismatch to report.
     */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private Quantities() {
    }

    public static boolean nearlyEqual(double a, double b) {
        double scale = Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * scale;
    }

    /** 12 significant digits without trailing zeros, so rounding noise (99.50000000001) never reaches a message. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    public static String format(double value, String unit) {
        return unit == null ? format(value) : format(value) + " " + unit;
    }
}
