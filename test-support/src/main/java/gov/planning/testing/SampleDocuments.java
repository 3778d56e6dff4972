package gov.planning.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared sample plan documents. The repository is cloned with {@code shared/} beside it
 * ({@code <clone>/../shared/samples}), so the folder is looked for as {@code shared/samples} in every ancestor of
 * {@code -Dplanning.samples.dir} (which may also name the folder itself), of {@code platform.root} (set by the
 * parent pom) and of the working directory.
 */
public final class SampleDocuments {

    private SampleDocuments() {
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
        throw new IllegalStateException("Sample documents not found: looked for a folder shared/samples in every "
                + "ancestor of " + System.getProperty("user.dir") + " (expected at <repo>/../shared/samples; "
                + "set -Dplanning.samples.dir=... to point elsewhere)");
    }

    /** One sample file; a missing one fails naming the path looked at. */
    public static Path path(String name) {
        Path file = folder().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Sample document missing: " + file);
        }
        return file;
    }

    public static String read(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
