package gov.planning.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import gov.planning.common.error.BadUserInputException;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({ "2021-2025,2021-2025", "2021—2025,2021-2025", "2021–2025,2021-2025", "' 2016 — 2020 ',2016-2020",
            "2022,2022", "2022-2022,2022" })
    void planPeriodsAndYearsAreStoredInOneSpelling(String written, String stored) {
        assertThat(Period.parse("period", written).text()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025-2021", "2021/2025", "2021至2025", "2022年", "22", "1900", "2200", "二〇二二", "2021-2025年", "" })
    void anythingElseIsBadUserInputNamingTheField(String written) {
        assertThatThrownBy(() -> Period.parse("period", written))
                .isInstanceOf(BadUserInputException.class).hasMessageStartingWith("period: ");
    }

    @ParameterizedTest
    @CsvSource({ "2023,2022", "2025,2021-2025", "2021-2025,2023-2024", "2022,2021-2022" })
    void laterEndYearIsNewerAndOfTwoPeriodsEndingTogetherTheShorterOne(String newer, String older) {
        assertThat(Period.parse("p", newer)).isGreaterThan(Period.parse("p", older));
    }
}
