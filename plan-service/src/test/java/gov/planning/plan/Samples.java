package gov.planning.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared sample documents: {@code shared/samples} in an ancestor of {@code platform.root} (set by the parent pom)
 * or of the working directory, as plan-document-parser's tests find them; {@code -Dplanning.samples.dir} overrides.
 */
public final class Samples {

    private Samples() {
    }

    public static Path folder() {
        for (String start : new String[] {System.getProperty("planning.samples.dir"), System.getProperty("platform.root"),
                System.getProperty("user.dir")}) {
            if (start == null || start.isBlank()) {
                continue;
            }
            Path given = Path.of(start).toAbsolutePath();
            if (Files.isDirectory(given) && given.endsWith(Path.of("shared", "samples"))) {
                return given;
            }
            for (Path p = given; p != null; p = p.getParent()) {
                Path candidate = p.resolve("shared").resolve("samples");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("Sample documents not found: no shared/samples in any ancestor of "
                + System.getProperty("user.dir") + " (set -Dplanning.samples.dir=...)");
    }

    public static String read(String name) {
        try {
            return Files.readString(folder().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
