package gov.planning.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our gateway answers like Apollo's own: {@code federation/parity.mjs} starts Apollo Gateway in-process over the
 * same subgraphs of a platform started by {@code ./platform up}, runs the same operations with the same token against
 * both and exits non-zero on any difference it does not already list as known.
 */
class GatewayParityIT {

    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new LocalPlatform();
        platform.up();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.down();
        }
    }

    @Test
    void ourGatewayAnswersLikeApolloGatewayOverTheSameSubgraphs() throws Exception {
        Path federation = platform.root.resolve("federation");
        if (!Files.isDirectory(federation.resolve("node_modules/@apollo/gateway"))
                || !Files.isDirectory(federation.resolve("node_modules/@apollo/server"))) {
            String log = run(federation, 10, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error").output;
            assertThat(Files.isDirectory(federation.resolve("node_modules/@apollo/gateway"))).as(log).isTrue();
        }
        Result parity = run(federation, 10, "node", "parity.mjs",
                "--gateway", platform.url("GATEWAY_PORT", "/graphql"),
                "--keycloak", platform.url("KEYCLOAK_PORT", ""),
                "--org-service", platform.url("ORG_SERVICE_PORT", "/graphql"),
                "--plan-service", platform.url("PLAN_SERVICE_PORT", "/graphql"),
                "--indicator-service", platform.url("INDICATOR_SERVICE_PORT", "/graphql"));
        System.out.println(parity.output);
        assertThat(parity.exitCode).as(parity.output).isZero();
        assertThat(parity.output).contains("0 new difference(s)").doesNotContain("DIFFERENT");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path directory, int timeoutMinutes, String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true)
                // Surefire talks to this test JVM over its stdin: a child must never read it.
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        // Read on another thread so a chatty child never blocks on a full pipe while we wait with a time limit.
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                output.append("(output unreadable: ").append(e).append(')');
            }
        });
        reader.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            reader.join(5_000);
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutMinutes
                    + " minutes; output so far:\n" + output);
        }
        reader.join();
        return new Result(process.exitValue(), output.toString());
    }
}
