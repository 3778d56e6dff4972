package gov.planning.plan.importing;

import java.util.Set;

/**
 * indicator-service's unit vocabulary (its {@code domain/Units.java}), copied so that an import can skip, with a
 * warning, an indicator whose unit indicator-service would refuse (个百分点, 万套 …) instead of failing the whole
 * import. If indicator-service learns a unit, add it here; a unit missing here only means a skipped indicator.
 */
final class IndicatorUnits {

    static final Set<String> KNOWN = Set.of("%", "％", "‰", "人", "万人", "人次", "万人次", "户", "万户", "个", "万个", "部", "万部",
            "座", "所", "家", "项", "米", "公里", "千米", "km", "m", "平方米", "万平方米", "亩", "万亩", "公顷", "万公顷", "平方公里", "平方千米",
            "立方米", "万立方米", "亿立方米", "千克", "公斤", "吨", "t", "万吨", "斤", "万斤", "亿斤", "头", "万头", "元", "万元", "亿元", "元/人", "万元/人", "Mbps", "mbps",
            "Mb/s", "Gbps", "千瓦", "万千瓦", "千瓦时", "万千瓦时", "亿千瓦时", "年", "岁");

    private IndicatorUnits() {
    }

    static boolean known(String unit) {
        return unit == null || KNOWN.contains(unit.strip());
    }
}
