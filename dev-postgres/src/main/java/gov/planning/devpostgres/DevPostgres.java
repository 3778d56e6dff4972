package gov.planning.devpostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database of the one-machine platform. {@code serve} runs a real PostgreSQL from the embedded binaries with its
 * data in a folder that survives restarts; {@code ensure} only creates the services' databases and roles on a
 * server someone else runs. Either way each service gets its own database and its own role, as in production.
 *
 * <pre>
 * java -jar dev-postgres.jar serve  --port 15432 --data-dir DIR --password-file FILE
 * java -jar dev-postgres.jar ensure --url jdbc:postgresql://host:5432/postgres --user U --password P --password-file FILE
 * </pre>
 *
 * The password file holds the one password the three service roles share on this machine.
 */
public final class DevPostgres {

    /**
     * The subgraphs' databases from services.properties (the repository's table of services, packaged into this jar);
     * each is owned by a role of the same name: what each service's DB_NAME and DB_USER are.
     */
    static final List<String> DATABASES = databases();

    private DevPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            fail("usage: dev-postgres serve|ensure [--option value]...");
        }
        Map<String, String> options = options(args);
        String password = Files.readString(Path.of(require(options, "password-file"))).strip();
        switch (args[0]) {
            case "serve" -> serve(Integer.parseInt(require(options, "port")), Path.of(require(options, "data-dir")), password);
            case "ensure" -> {
                try (Connection c = DriverManager.getConnection(require(options, "url"), require(options, "user"),
                        options.getOrDefault("password", ""))) {
                    ensureDatabases(c, password);
                }
                System.out.println("databases ready: " + String.join(", ", DATABASES));
            }
            default -> fail("unknown command " + args[0] + " (serve or ensure)");
        }
    }

    private static void serve(int port, Path dataDir, String password) throws IOException, SQLException, InterruptedException {
        Files.createDirectories(dataDir);
        // Data stays between runs: the cluster is only initialised when the folder is empty.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("could not stop PostgreSQL cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            ensureDatabases(c, password);
        }
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " with databases " + String.join(", ", DATABASES));
        stopped.await();
    }

    /** Idempotent: creates what is missing and resets the roles' password to the one in the password file. */
    static void ensureDatabases(Connection c, String password) throws SQLException {
        for (String name : DATABASES) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery(); Statement s = c.createStatement()) {
                    String verb = rs.next() ? "ALTER" : "CREATE";
                    s.execute(verb + " ROLE " + name + " LOGIN PASSWORD " + literal(password));
                }
            }
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery(); Statement s = c.createStatement()) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + name + " OWNER " + name);
                    }
                }
            }
        }
    }

    static List<String> databases() {
        List<String> databases = new ArrayList<>();
        try (InputStream in = DevPostgres.class.getResourceAsStream("/services.properties")) {
            if (in == null) {
                throw new IllegalStateException("services.properties is not in dev-postgres.jar: rebuild it with ./mvnw package -pl dev-postgres");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0 && line.substring(0, eq).strip().endsWith(".database")) {
                    databases.add(line.substring(eq + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(databases);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            fail("missing --" + name);
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("dev-postgres: " + message);
        System.exit(2);
    }
}
