package gov.planning.system;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The platform as the README starts it: {@code ./platform up}, on free ports and in its own state folder, so it
 * never collides with a platform a developer already runs. Maven has just packaged the jars, so it skips the build.
 */
final class LocalPlatform {

    final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    final Path state = root.resolve("system-tests/target/platform-state");
    final Map<String, Integer> ports = new LinkedHashMap<>();

    LocalPlatform() throws IOException {
        for (String variable : List.of("GATEWAY_PORT", "ORG_SERVICE_PORT", "PLAN_SERVICE_PORT", "INDICATOR_SERVICE_PORT",
                "CONSOLE_PORT", "KEYCLOAK_PORT", "KEYCLOAK_MANAGEMENT_PORT", "PG_PORT", "MAIL_SMTP_PORT", "MAIL_WEB_PORT", "LDAP_PORT")) {
            ports.put(variable, freePort());
        }
    }

    int port(String variable) {
        return ports.get(variable);
    }

    String url(String portVariable, String path) {
        return "http://localhost:" + port(portVariable) + path;
    }

    void up() throws IOException, InterruptedException {
        run("up", 20);
    }

    void down() throws IOException, InterruptedException {
        run("down", 3);
    }

    /** A real access token of a demo user (the dev realm's password grant; password = user name). */
    String token(String user) {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "planning-web", "username", user, "password", user))
                .when().post(url("KEYCLOAK_PORT", "/realms/planning/protocol/openid-connect/token"))
                .then().statusCode(200).extract().path("access_token");
    }

    /** A GraphQL operation posted to the part listening on {@code portVariable}, with a bearer token. */
    JsonPath graphql(String portVariable, String token, String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("query", query, "variables", variables))
                .when().post(url(portVariable, "/graphql"))
                .then().statusCode(200).extract().jsonPath();
    }

    /** {@code ./platform import FILE ARGS...} as {@code user}; answers what it printed, fails on a non-zero exit. */
    String importDocument(String user, Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("platform").toString(), "import", file.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        environment(builder.environment());
        builder.environment().put("PLANNING_USER", user);
        builder.environment().put("PLANNING_PASSWORD", user);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("./platform import " + file + " failed:\n" + output);
        }
        return output;
    }

    /** The spans a service exported so far ({@code PLATFORM_TRACING=file}), one JSON object per span. */
    List<JsonPath> spans(String service) throws IOException {
        Path file = state.resolve("logs").resolve(service + ".spans.jsonl");
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(JsonPath::new).toList()
                : List.of();
    }

    /** A sample plan document of the repository ({@code samples/}). */
    Path sample(String name) {
        return root.resolve("samples").resolve(name);
    }

    /** The process ids `up` recorded, to check that `down` leaves none of them running. */
    List<Long> recordedPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        Path run = state.resolve("run");
        if (Files.isDirectory(run)) {
            try (var files = Files.list(run)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                    pids.add(Long.parseLong(Files.readString(file).strip().split("\\s+")[0]));
                }
            }
        }
        return pids;
    }

    private void run(String command, int timeoutMinutes) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("platform").toString(), command)
                .directory(root.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                // Surefire talks to this test JVM over its stdin: a child must never read it.
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        environment(builder.environment());
        Process process = builder.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./platform " + command + " did not finish in " + timeoutMinutes + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./platform " + command + " failed with exit code " + process.exitValue()
                    + "; logs in " + state.resolve("logs"));
        }
    }

    private void environment(Map<String, String> env) {
        ports.forEach((k, v) -> env.put(k, String.valueOf(v)));
        env.put("PLATFORM_STATE_DIR", state.toString());
        env.put("PLATFORM_SKIP_BUILD", "1");
        // CI machines are shared: Keycloak's first start can take minutes there; a part that hangs still fails.
        env.putIfAbsent("PLATFORM_START_TIMEOUT", "600");
        // Reminders are scanned every 10 seconds instead of daily, so a task made overdue is mailed about at once.
        env.putIfAbsent("REMINDERS_CRON", "0/10 * * * * ?");
        // Every service writes its spans to logs/<service>.spans.jsonl: PlatformIT reads the traces back from there.
        env.putIfAbsent("PLATFORM_TRACING", "file");
        // The government's identity provider realm (e2e/broker.e2e.mjs signs in through it).
        env.putIfAbsent("PLATFORM_GOV_IDP", "on");
        // The demo government directory in slapd, federated by Keycloak (WorkflowIT signs its users in).
        env.putIfAbsent("PLATFORM_LDAP", "on");
    }

    /**
     * A free port not given to another part: asking the OS for port 0 once per part could answer the same port twice
     * (each probe socket is closed before the next), and Keycloak then found PostgreSQL on its port. Below Linux's
     * ephemeral range (32768 and up), so no outgoing connection takes it before the platform binds it.
     */
    private int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + random.nextInt(12000);
            if (ports.containsValue(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}
