package gov.planning.units;

/**
 * What a unit measures. Values convert only within one dimension; counts of different things (个, 部, 座) are kept
 * apart on purpose, because 10 个 schools and 10 座 bridges are not the same quantity even if both are "a number".
 */
public enum Dimension {
    RATIO("ratio", "1"),
    PERSONS("persons", "人"),
    HOUSEHOLDS("households", "户"),
    ITEMS("items", "个"),
    SETS("sets", "部"),
    STRUCTURES("structures", "座"),
    INSTITUTIONS("institutions", "所"),
    ENTERPRISES("enterprises", "家"),
    PROJECTS("projects", "项"),
    LIVESTOCK("livestock", "头"),
    LENGTH("length", "米"),
    AREA("area", "平方米"),
    VOLUME("volume", "立方米"),
    MASS("mass", "吨"),
    MONEY("money", "元"),
    MONEY_PER_PERSON("money per person", "元/人"),
    BANDWIDTH("bandwidth", "Mbps"),
    POWER("power", "千瓦"),
    ENERGY("energy", "千瓦时"),
    YEARS("years", "年"),
    AGE("age", "岁");

    private final String label;
    private final String baseUnit;

    Dimension(String label, String baseUnit) {
        this.label = label;
        this.baseUnit = baseUnit;
    }

    public String label() {
        return label;
    }

    public String baseUnit() {
        return baseUnit;
    }
}
