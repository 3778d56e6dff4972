package gov.planning.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputContractTest {

    @ParameterizedTest
    @ValueSource(strings = { "2025-02-30", "2025-13-01", "2025-00-10", "2023-02-29", "12025-01-01", "+99999-01-01",
            "-2025-01-01", "2025-1-1", "20250101", "2025/01/01", "1899-12-31", "2201-01-01", " 2025-01-01", "" })
    void impossibleOrOutOfRangeDatesAreRefusedSayingTheFormatAndRange(String date) {
        assertThat(InputContract.dateProblem(date)).contains("yyyy-MM-dd").contains("1900 to 2200");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-02-29", "1900-01-01", "2200-12-31", "2025-12-31" })
    void realDatesInRangePass(String date) {
        assertThat(InputContract.dateProblem(date)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u0085b", "a\ud800b", "a\udc00b", "a\ud800" })
    void controlCharactersAndLoneSurrogatesAreRefusedEvenInMultiLineText(String text) {
        assertThat(InputContract.textProblem(text, true)).isNotNull().doesNotContain(text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "第一行\n第二行", "列\t列", "行\r\n行" })
    void lineBreaksAndTabsAreAllowedOnlyInMultiLineText(String text) {
        assertThat(InputContract.textProblem(text, true)).isNull();
        assertThat(InputContract.textProblem(text, false)).contains("single line");
    }

    @ParameterizedTest
    @ValueSource(strings = { "推进城镇供水管网改造😀", "Ｆｕｌｌ　ｗｉｄｔｈ", "（一）", "" })
    void ordinaryTextIncludingEmojiAndFullWidthFormsPasses(String text) {
        assertThat(InputContract.textProblem(text, false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "x", "1-2-3-4-5", "d3f86a23-9c90-39cb-8dd4-7605931bc7c", "d3f86a23-9c90-39cb-8dd4-7605931bc7ccc",
            "{d3f86a23-9c90-39cb-8dd4-7605931bc7cc}" })
    void malformedIdsAreRefused(String id) {
        assertThat(InputContract.scalarProblem("ID", "id", id)).contains("is not a valid id");
    }

    @ParameterizedTest
    @ValueSource(doubles = { 1e308, -1e308, 1e16, Double.NaN, Double.POSITIVE_INFINITY })
    void hugeOrNonFiniteFloatsAreRefused(double value) {
        assertThat(InputContract.scalarProblem("Float", "value", value)).contains("finite number");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026", "12.5", "" })
    void numbersSentAsTextAreRefusedRatherThanDropped(String text) {
        assertThat(InputContract.scalarProblem("Int", "periodFrom", text)).contains("not text");
        assertThat(InputContract.scalarProblem("Float", "value", text)).contains("not text");
    }

    @ParameterizedTest
    @ValueSource(doubles = { 1e308, 3_000_000_000d, -3_000_000_000d, 2.5 })
    void intsThatAreNotWhole32BitNumbersAreRefused(double value) {
        assertThat(InputContract.scalarProblem("Int", "percent", value)).contains("whole number");
        assertThat(InputContract.scalarProblem("Int", "percent", 100)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "argument 'input.ongoing' with value 'StringValue{value='yes'}' is not a valid 'Boolean' - Expected a value that can be converted to type 'Boolean' but it was a 'StringValue'",
            "Unknown Scalar Type [gov.planning.plan.service.NewTask]" })
    void validationMessagesLoseTheirAstAndJavaNames(String message) {
        assertThat(GraphQLErrorCodes.clean(message)).doesNotContain("StringValue").doesNotContain("gov.planning");
    }
}
