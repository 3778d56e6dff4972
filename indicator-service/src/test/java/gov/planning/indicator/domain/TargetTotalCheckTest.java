package gov.planning.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import gov.planning.units.Unit;
import gov.planning.units.Units;

class TargetTotalCheckTest {

    @Test
    void rowsThatAddUpPassDespiteBinaryRounding() {
        assertThat(TargetTotalCheck.mismatch(List.of(0.1, 0.2), 0.3, true, "万亩")).isEmpty();
        Unit mu = Units.require("unit", "亩");
        Unit wanMu = Units.require("unit", "万亩");
        List<Double> rows = List.of(mu.convert(333_333, wanMu), mu.convert(333_333, wanMu), mu.convert(333_334, wanMu));
        assertThat(TargetTotalCheck.mismatch(rows, 100.0, true, "万亩")).isEmpty();
    }

    @Test
    void aShortfallIsNamedInTheIndicatorsUnit() {
        assertThat(TargetTotalCheck.mismatch(List.of(60.0, 39.5), 100.0, true, "万亩"))
                .contains("rows add up to 99.5 万亩, 0.5 万亩 less than the stated total 100 万亩");
    }

    @Test
    void anExcessIsNamedAsMore() {
        assertThat(TargetTotalCheck.mismatch(List.of(60.0, 40.25), 100.0, true, "公里"))
                .contains("rows add up to 100.25 公里, 0.25 公里 more than the stated total 100 公里");
    }

    @Test
    void aDifferenceOfOne亩InAMillionIsStillReported() {
        assertThat(TargetTotalCheck.mismatch(List.of(999_999.0), 1_000_000.0, true, "亩")).isPresent();
    }

    @Test
    void nonAdditiveUnitsAndMissingTotalsAreNotChecked() {
        assertThat(TargetTotalCheck.mismatch(List.of(70.0, 55.0), 65.0, false, "%")).isEmpty();
        assertThat(TargetTotalCheck.mismatch(List.of(70.0, 55.0), null, true, "万亩")).isEmpty();
    }
}
