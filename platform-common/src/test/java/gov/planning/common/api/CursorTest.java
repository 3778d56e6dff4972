package gov.planning.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import gov.planning.common.error.BadUserInputException;

class CursorTest {

    @Test
    void pagingAfterACursorStartsWithTheNextItem() {
        assertThat(Cursor.offsetAfter(null)).isZero();
        assertThat(Cursor.offsetAfter(Cursor.encode(0))).isEqualTo(1);
        assertThat(Cursor.offsetAfter(Cursor.encode(41))).isEqualTo(42);
    }

    @Test
    void aKeysetCursorGivesBackItsKeyAndStillNumbersThePage() {
        assertThat(Cursor.after(Cursor.encode(41, "plan,7,task"))).isEqualTo(new Cursor.After(42, "plan,7,task"));
        assertThat(Cursor.offsetAfter(Cursor.encode(41, "plan,7,task"))).isEqualTo(42);
        assertThat(Cursor.after(Cursor.encode(41))).isEqualTo(new Cursor.After(42, null));
        assertThat(Cursor.after(null)).isEqualTo(new Cursor.After(0, null));
    }

    @Test
    void aForgedOrGarbledCursorIsTheClientsError() {
        assertThatThrownBy(() -> Cursor.offsetAfter("not-a-cursor")).isInstanceOf(BadUserInputException.class)
                .hasMessageContaining("after");
        assertThatThrownBy(() -> Cursor.offsetAfter(Cursor.encode(-5))).isInstanceOf(BadUserInputException.class);
    }

    @Test
    void pageSizeIsBoundedSoOneRequestCannotReadEverything() {
        assertThat(Cursor.pageSize(null)).isEqualTo(Cursor.DEFAULT_PAGE_SIZE);
        assertThatThrownBy(() -> Cursor.pageSize(Cursor.MAX_PAGE_SIZE + 1)).isInstanceOf(BadUserInputException.class);
    }
}
