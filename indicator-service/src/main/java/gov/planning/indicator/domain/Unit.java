package gov.planning.indicator.domain;

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
}
