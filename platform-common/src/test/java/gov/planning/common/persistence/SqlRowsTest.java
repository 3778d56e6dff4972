package gov.planning.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Named parameters become the positional ones the reactive client takes, bound as a Hibernate native query binds them. */
class SqlRowsTest {

    enum Status {
        SUBMITTED
    }

    @Test
    void eachOccurrenceIsAParameterOfItsOwnAndACollectionOneParameterPerElement() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", "2026-12-07");
        params.put("ids", List.of("a", "b", "c"));
        SqlRows.Positional statement = SqlRows.positional(
                "SELECT 1 WHERE d < :today AND id IN (:ids) AND CAST(:today AS date) IS NOT NULL", params);

        assertThat(statement.sql()).isEqualTo("SELECT 1 WHERE d < $1 AND id IN ($2, $3, $4) AND CAST($5 AS date) IS NOT NULL");
        assertThat(statement.values()).containsExactly("2026-12-07", "a", "b", "c", "2026-12-07");
    }

    @Test
    void castsQuotedLiteralsAndAnEmptyCollectionAreNoParameters() {
        SqlRows.Positional statement = SqlRows.positional(
                "SELECT to_char(x, 'HH24:MI'), '00000000-0000-0000-0000-000000000000'::uuid, 'it''s :not' WHERE id IN (:none)",
                Map.of("none", List.of()));

        assertThat(statement.sql()).isEqualTo(
                "SELECT to_char(x, 'HH24:MI'), '00000000-0000-0000-0000-000000000000'::uuid, 'it''s :not' WHERE id IN (NULL)");
        assertThat(statement.values()).isEmpty();
    }

    @Test
    void enumsAreBoundByNameAndInstantsWithAnOffset() {
        Instant at = Instant.parse("2026-12-07T00:00:00Z");
        SqlRows.Positional statement = SqlRows.positional("SELECT :status, :at", Map.of("status", Status.SUBMITTED, "at", at));

        assertThat(statement.values()).containsExactly("SUBMITTED", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    @Test
    void aParameterWithoutAValueIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> SqlRows.positional("SELECT :missing", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":missing");
    }
}
