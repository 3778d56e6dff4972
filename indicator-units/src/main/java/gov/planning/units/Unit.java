package gov.planning.units;

/**
 * One unit of the vocabulary.
 *
 * @param symbol   as written in plan documents (万亩, %, Mbps)
 * @param factor   how many of the dimension's base unit one of this unit is (1 万亩 = 10,000 亩 = 6,666,666.67 平方米)
 * @param additive whether regional values add up to the whole: 万亩 of each 盟市 add up to the 自治区's, a rate
 *                 of each 盟市 does not add up to the 自治区's rate
 */
public record Unit(String symbol, Dimension dimension, double factor, boolean additive) {

    /** {@code value} of this unit expressed in {@code target}; both must measure the same dimension. */
    public double convert(double value, Unit target) {
        if (target.dimension != dimension) {
            throw new IllegalArgumentException(symbol + " and " + target.symbol + " measure different things");
        }
        if (target.equals(this)) {
            return value;
        }
        return value * factor / target.factor;
    }

    /**
     * Null when {@code value} can be a quantity in this unit, else the rule it breaks: a rate lies between 0 and 100 %
     * (1000 ‰); an age between 0 and 150; money may be negative (a deficit, a decrease); every other quantity (persons,
     * counts, lengths, areas, volumes, masses, bandwidth, power, energy, years) is at least 0.
     */
    public String valueProblem(double value) {
        return switch (dimension) {
            case RATIO -> value < 0 || value > 1 / factor ? "a rate in " + symbol + " lies between 0 and " + Math.round(1 / factor) : null;
            case MONEY -> null;
            case AGE -> value < 0 || value > 150 ? "an age lies between 0 and 150" : null;
            default -> value < 0 ? "a quantity in " + symbol + " cannot be negative" : null;
        };
    }
}
