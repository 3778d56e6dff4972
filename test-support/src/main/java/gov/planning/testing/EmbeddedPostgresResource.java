package gov.planning.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL (embedded binaries, no Docker) on a free port for a service's tests, creates the
 * service's database and points both the reactive pool and Flyway's JDBC connection at it.
 * The database name comes from the resource argument {@code database}.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String USER = "postgres";
    private EmbeddedPostgres postgres;
    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            // pg_stat_statements lets tests prove how many SQL statements a request costs (one per batch, not per item).
            postgres = EmbeddedPostgres.builder().setPort(0)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        try (Connection c = postgres.getDatabase(USER, database).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enable pg_stat_statements in " + database, e);
        }
        int port = postgres.getPort();
        return Map.of(
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/" + database,
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + database);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
