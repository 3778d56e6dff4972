package gov.planning.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import gov.planning.common.error.BadUserInputException;

class UnitsTest {

    @Test
    void theVocabularyCoversTheUnitsPlansUse() {
        assertThat(Units.symbols()).contains("%", "‰", "人", "万人", "户", "万户", "个", "部", "座", "公里", "千米", "米", "平方米",
                "万平方米", "亩", "万亩", "公顷", "平方公里", "Mbps", "元", "万元", "亿元", "吨", "万吨");
    }

    @Test
    void 万亩Is10000亩And15亩Is1公顷() {
        Unit mu = Units.require("unit", "亩");
        Unit wanMu = Units.require("unit", "万亩");
        Unit hectare = Units.require("unit", "公顷");
        assertThat(mu.convert(1_000_000, wanMu)).isCloseTo(100, within(1e-9));
        assertThat(wanMu.convert(1, mu)).isCloseTo(10_000, within(1e-6));
        assertThat(mu.convert(15, hectare)).isCloseTo(1, within(1e-12));
        assertThat(Units.require("unit", "平方公里").convert(1, hectare)).isCloseTo(100, within(1e-9));
    }

    @Test
    void grainIn亿斤IsFiftyThousandTonnesAndLivestockIsCountedIn头() {
        assertThat(Units.require("unit", "亿斤").convert(700, Units.require("unit", "万吨"))).isCloseTo(3500, within(1e-9));
        assertThat(Units.require("unit", "万头").convert(1.5, Units.require("unit", "头"))).isEqualTo(15_000);
        assertThat(Units.require("unit", "万头").additive()).isTrue();
        assertThatThrownBy(() -> Units.convert("unit", 1, Units.require("unit", "万头"), Units.require("unit", "万人")))
                .isInstanceOf(BadUserInputException.class);
    }

    @Test
    void 公里And千米AreTheSameLength() {
        assertThat(Units.require("unit", "公里").convert(12.5, Units.require("unit", "千米"))).isEqualTo(12.5);
        assertThat(Units.require("unit", "公里").convert(1, Units.require("unit", "米"))).isEqualTo(1000);
    }

    @Test
    void moneyAndPeopleScaleByTenThousandsAndHundredMillions() {
        assertThat(Units.require("unit", "亿元").convert(1, Units.require("unit", "万元"))).isCloseTo(10_000, within(1e-9));
        assertThat(Units.require("unit", "万人").convert(2.5, Units.require("unit", "人"))).isEqualTo(25_000);
        assertThat(Units.require("unit", "万吨").convert(3, Units.require("unit", "吨"))).isEqualTo(30_000);
    }

    @Test
    void countsLengthsAreasAndMoneyAddUpAcrossRegionsRatesAndBandwidthDoNot() {
        for (String additive : new String[] { "人", "万户", "个", "部", "座", "公里", "万亩", "公顷", "万元", "亿元", "万吨" }) {
            assertThat(Units.require("unit", additive).additive()).as(additive).isTrue();
        }
        for (String notAdditive : new String[] { "%", "‰", "Mbps", "元/人", "年", "岁" }) {
            assertThat(Units.require("unit", notAdditive).additive()).as(notAdditive).isFalse();
        }
    }

    @Test
    void differentKindsOfCountsDoNotConvert() {
        assertThatThrownBy(() -> Units.convert("unit", 1, Units.require("unit", "个"), Units.require("unit", "座")))
                .isInstanceOf(BadUserInputException.class).hasMessageContaining("个").hasMessageContaining("座");
        assertThatThrownBy(() -> Units.convert("unit", 1, Units.require("unit", "万亩"), Units.require("unit", "公里")))
                .isInstanceOf(BadUserInputException.class);
    }

    @Test
    void fullWidthPercentIsThePercentUnit() {
        assertThat(Units.find("％")).contains(Units.require("unit", "%"));
        assertThat(Units.find(" 万亩 ")).contains(Units.require("unit", "万亩"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "两", "万公里2", "percent", "" })
    void anUnknownUnitIsBadUserInputListingTheKnownUnits(String unknown) {
        assertThatThrownBy(() -> Units.require("unit", unknown))
                .isInstanceOf(BadUserInputException.class)
                .hasMessageStartingWith("unit: unknown unit '" + unknown + "'")
                .hasMessageContaining("万亩").hasMessageContaining("Mbps").hasMessageContaining("亿元");
    }
}
