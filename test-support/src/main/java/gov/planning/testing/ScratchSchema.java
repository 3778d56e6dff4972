package gov.planning.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * A migration test's schema of its own in the service's test database: migrated by the service's Flyway scripts up to
 * a version, given rows as an older release wrote them, then migrated to the end, beside the schema the running
 * service uses. The connection settings are the running {@code @QuarkusTest}'s datasource.
 */
public final class ScratchSchema {

    private ScratchSchema() {
    }

    private static String setting(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    /** A JDBC connection to the test database (set its {@code search_path} to the scratch schema). */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(setting("quarkus.datasource.jdbc.url"), setting("quarkus.datasource.username"),
                setting("quarkus.datasource.password"));
    }

    /** The single number {@code sql} answers (a count), read on {@code s}. */
    public static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The service's migrations on {@code schema}, up to {@code target} ("latest" for all). */
    public static Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(setting("quarkus.datasource.jdbc.url"), setting("quarkus.datasource.username"),
                setting("quarkus.datasource.password")).schemas(schema).locations("classpath:db/migration").target(target).load();
    }
}
