package gov.planning.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Counts the SQL statements the service under test ran (pg_stat_statements in the embedded PostgreSQL), so a test can
 * prove that a batched lookup is one query however many items it resolves.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static void reset() {
        run("SELECT count(*) FROM (SELECT pg_stat_statements_reset()) AS done", null);
    }

    /** How many times statements whose text contains {@code fragment} ran since the last {@link #reset()}. */
    public static long calls(String fragment) {
        return run("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE ?", "%" + fragment + "%");
    }

    /**
     * All statements one run of {@code read} issues, counted three times and the fewest kept: pg_stat_statements sees
     * the whole database, and the service's background work (Quartz jobs, the overdue metric, what an earlier test left
     * running) may run statements during one of the counts. Ask the read once before, so caches are warm.
     */
    public static long fewestOfThree(Runnable read) {
        return fewestOfThree(read, "");
    }

    /** As {@link #fewestOfThree(Runnable)}, counting only the statements whose text contains {@code fragment}. */
    public static long fewestOfThree(Runnable read, String fragment) {
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            reset();
            read.run();
            fewest = Math.min(fewest, calls(fragment));
        }
        return fewest;
    }

    private static long run(String sql, String parameter) {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement statement = c.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
