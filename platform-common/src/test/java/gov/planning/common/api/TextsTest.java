package gov.planning.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void compatibilityIdeographsAndSurroundingFullWidthSpacesAreCleanedAway() {
        assertThat(Texts.clean("\u3000内\uF90A发〔2024〕1号 ")).isEqualTo("内\u91D1发〔2024〕1号");
        assertThat(Texts.clean("Cafe\u0301")).isEqualTo("Caf\u00e9");
    }

    @Test
    void blankIsNull() {
        assertThat(Texts.clean(" \u3000 ")).isNull();
        assertThat(Texts.clean(null)).isNull();
    }
}
