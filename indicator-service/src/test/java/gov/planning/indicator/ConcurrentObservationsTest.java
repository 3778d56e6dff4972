package gov.planning.indicator;

import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.record;
import static gov.planning.testing.Concurrently.outcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.planning.testing.Concurrently;
import gov.planning.testing.TestDatabase;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * "One current observation per indicator, region and period" holds under concurrency and in the database itself:
 * racing reports become one chain of corrections with exactly one current value, never two competing values.
 */
@QuarkusTest
class ConcurrentObservationsTest {

    private static final String CURRENT = "SELECT count(*) FROM observation o WHERE indicator_id = ? AND period = ? "
            + "AND NOT EXISTS (SELECT 1 FROM observation later WHERE later.supersedes = o.id)";

    private static String indicatorOfNmg() {
        return create(FakePlanIssuers.planIssuedBy("nmg"), indicator("营造林面积", "万亩", "AT_LEAST", 0.0, 2020, 1000, 2025));
    }

    @Test
    void twentySimultaneousReportsOfOneIndicatorRegionAndPeriodLeaveExactlyOneCurrentValue() {
        String id = indicatorOfNmg();

        List<JsonPath> answers = Concurrently.run(20, () -> record(TestTokens.admin(), id, null, "2024", 300.0, "统计公报"));

        assertThat(outcomes(answers)).isSubsetOf("ok", "CONFLICT").contains("ok");
        long stored = outcomes(answers).stream().filter("ok"::equals).count();
        UUID indicator = UUID.fromString(id);
        assertThat(TestDatabase.count("SELECT count(*) FROM observation WHERE indicator_id = ?", indicator)).isEqualTo(stored);
        assertThat(TestDatabase.count(CURRENT, indicator, "2024")).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesASecondFirstValueAndACorrectionOfAnotherPeriod() {
        UUID indicator = UUID.fromString(indicatorOfNmg());
        UUID first = UUID.fromString(record(TestTokens.admin(), indicator.toString(), null, "2024", 300.0, null)
                .getString("data.recordObservation.id"));
        String insert = "INSERT INTO observation (id, indicator_id, region_id, period, value, reported_by, reported_at, supersedes) "
                + "VALUES (?, ?, NULL, ?, 1, 'test', now(), ?)";

        Throwable secondFirst = catchThrowable(() -> TestDatabase.update(insert, UUID.randomUUID(), indicator, "2024", null));
        Throwable acrossPeriods = catchThrowable(() -> TestDatabase.update(insert, UUID.randomUUID(), indicator, "2025", first));

        assertThat(((SQLException) secondFirst.getCause()).getSQLState()).isEqualTo("23505");
        assertThat(((SQLException) acrossPeriods.getCause()).getSQLState()).isEqualTo("23503");
        assertThat(TestDatabase.count(CURRENT, indicator, "2024")).isEqualTo(1);
        assertThat(TestDatabase.count(CURRENT, indicator, "2025")).isZero();
    }
}
