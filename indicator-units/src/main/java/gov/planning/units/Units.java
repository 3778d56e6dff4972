package gov.planning.units;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import gov.planning.common.api.Texts;
import gov.planning.common.error.BadUserInputException;

/**
 * The units indicators may be stated in. A closed list rather than free text, because the sum check of regional
 * targets and the conversion between 亩 and 万亩 are only sound when the service knows what a unit means; an
 * unknown unit is refused and the message lists the known ones so the caller can pick or ask for one to be added.
 */
public final class Units {

    /** 1 亩 = 10000/15 平方米 exactly (the legal definition), so 15 亩 = 1 公顷. */
    private static final double MU = 10000.0 / 15.0;

    private static final Map<String, Unit> BY_SYMBOL = new LinkedHashMap<>();

    static {
        // Shares and rates (率): a region's rate says nothing about the sum of rates.
        add("%", Dimension.RATIO, 0.01, false);
        add("‰", Dimension.RATIO, 0.001, false);
        add("人", Dimension.PERSONS, 1, true);
        add("万人", Dimension.PERSONS, 1e4, true);
        add("人次", Dimension.PERSONS, 1, true);
        add("万人次", Dimension.PERSONS, 1e4, true);
        add("户", Dimension.HOUSEHOLDS, 1, true);
        add("万户", Dimension.HOUSEHOLDS, 1e4, true);
        add("个", Dimension.ITEMS, 1, true);
        add("万个", Dimension.ITEMS, 1e4, true);
        add("部", Dimension.SETS, 1, true);
        add("万部", Dimension.SETS, 1e4, true);
        add("座", Dimension.STRUCTURES, 1, true);
        add("所", Dimension.INSTITUTIONS, 1, true);
        add("家", Dimension.ENTERPRISES, 1, true);
        add("项", Dimension.PROJECTS, 1, true);
        // Livestock (生猪出栏 万头).
        add("头", Dimension.LIVESTOCK, 1, true);
        add("万头", Dimension.LIVESTOCK, 1e4, true);
        add("米", Dimension.LENGTH, 1, true);
        add("公里", Dimension.LENGTH, 1000, true);
        add("千米", Dimension.LENGTH, 1000, true);
        add("平方米", Dimension.AREA, 1, true);
        add("万平方米", Dimension.AREA, 1e4, true);
        add("亩", Dimension.AREA, MU, true);
        add("万亩", Dimension.AREA, 1e4 * MU, true);
        add("公顷", Dimension.AREA, 1e4, true);
        add("万公顷", Dimension.AREA, 1e8, true);
        add("平方公里", Dimension.AREA, 1e6, true);
        add("平方千米", Dimension.AREA, 1e6, true);
        add("立方米", Dimension.VOLUME, 1, true);
        add("万立方米", Dimension.VOLUME, 1e4, true);
        add("亿立方米", Dimension.VOLUME, 1e8, true);
        add("千克", Dimension.MASS, 0.001, true);
        add("公斤", Dimension.MASS, 0.001, true);
        add("吨", Dimension.MASS, 1, true);
        add("万吨", Dimension.MASS, 1e4, true);
        // Grain output is counted in 斤 (half a kilogram): 粮食产量稳定在700亿斤以上.
        add("斤", Dimension.MASS, 0.0005, true);
        add("万斤", Dimension.MASS, 5, true);
        add("亿斤", Dimension.MASS, 5e4, true);
        add("元", Dimension.MONEY, 1, true);
        add("万元", Dimension.MONEY, 1e4, true);
        add("亿元", Dimension.MONEY, 1e8, true);
        // Per-capita amounts (人均可支配收入) are money but averages, so they do not add up across regions.
        add("元/人", Dimension.MONEY_PER_PERSON, 1, false);
        add("万元/人", Dimension.MONEY_PER_PERSON, 1e4, false);
        // Access bandwidth is a speed each region reaches, not a quantity regions pool.
        add("Mbps", Dimension.BANDWIDTH, 1, false);
        add("Gbps", Dimension.BANDWIDTH, 1000, false);
        add("千瓦", Dimension.POWER, 1, true);
        add("万千瓦", Dimension.POWER, 1e4, true);
        add("千瓦时", Dimension.ENERGY, 1, true);
        add("万千瓦时", Dimension.ENERGY, 1e4, true);
        add("亿千瓦时", Dimension.ENERGY, 1e8, true);
        // Averages such as 平均受教育年限 or 人均预期寿命.
        add("年", Dimension.YEARS, 1, false);
        add("岁", Dimension.AGE, 1, false);
    }

    private Units() {
    }

    private static void add(String symbol, Dimension dimension, double factor, boolean additive) {
        BY_SYMBOL.put(symbol, new Unit(symbol, dimension, factor, additive));
    }

    public static Set<String> symbols() {
        return Collections.unmodifiableSet(BY_SYMBOL.keySet());
    }

    public static Optional<Unit> find(String symbol) {
        return symbol == null ? Optional.empty() : Optional.ofNullable(BY_SYMBOL.get(normalize(symbol)));
    }

    /** The unit, or BAD_USER_INPUT naming the field and the known units. */
    public static Unit require(String field, String symbol) {
        return find(symbol).orElseThrow(() -> new BadUserInputException(
                field + ": unknown unit '" + symbol + "'; known units are " + String.join(" ", BY_SYMBOL.keySet())));
    }

    /**
     * The form units are stored in: documents mix full-width and half-width forms (％ and %), and 千米 and 公里 are
     * both kept because plans use both.
     */
    public static String normalize(String symbol) {
        String cleaned = Texts.clean(symbol);
        String s = cleaned == null ? "" : cleaned;
        return switch (s) {
            case "％" -> "%";
            case "mbps", "Mb/s" -> "Mbps";
            case "km" -> "公里";
            case "m" -> "米";
            case "t" -> "吨";
            default -> s;
        };
    }

    /** Bigger than any quantity a plan states: such a value is a typo or a probe, in any unit. */
    public static final double MAX_MAGNITUDE = 1e15;

    /**
     * Refuses, as BAD_USER_INPUT naming the field, a value that is not finite, beyond ±{@value #MAX_MAGNITUDE}, or
     * outside what {@code unit} allows ({@link Unit#valueProblem}); a value without a unit is only checked for size.
     */
    public static void requireValue(String field, Double value, Unit unit) {
        if (value == null) {
            return;
        }
        if (!Double.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
            throw new BadUserInputException(field + ": must be a finite number between -1e15 and 1e15, was " + value);
        }
        String problem = unit == null ? null : unit.valueProblem(value);
        if (problem != null) {
            throw new BadUserInputException(field + ": " + value + " " + unit.symbol() + " is out of range (" + problem + ")");
        }
    }

    /** Converts between two units of the same dimension, or refuses as BAD_USER_INPUT naming both. */
    public static double convert(String field, double value, Unit from, Unit to) {
        if (from.dimension() != to.dimension()) {
            throw new BadUserInputException(field + ": values in " + from.symbol() + " (" + from.dimension().label()
                    + ") cannot be converted to " + to.symbol() + " (" + to.dimension().label() + ")");
        }
        return from.convert(value, to);
    }
}
