package gov.planning.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import gov.planning.common.error.BadUserInputException;

class TextSearchTest {

    @Test
    void aBlankSearchIsNoFilterAndATermIsTrimmed() {
        assertThat(TextSearch.term("search", "  ")).isNull();
        assertThat(TextSearch.term("search", null)).isNull();
        assertThat(TextSearch.term("search", " 住建 ")).isEqualTo("住建");
    }

    @Test
    void likeWildcardsInTheTermAreSearchedLiterally() {
        assertThat(TextSearch.containsPattern("100%_达标\\")).isEqualTo("%100\\%\\_达标\\\\%");
    }

    @Test
    void anOverlongTermIsRefusedNamingTheField() {
        assertThatThrownBy(() -> TextSearch.term("search", "城".repeat(101)))
                .isInstanceOf(BadUserInputException.class).hasMessageContaining("search");
    }
}
