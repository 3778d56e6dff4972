package gov.planning.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample plan documents, in the repository's {@code samples/} folder, found as {@code samples} in every ancestor
 * of {@code platform.root} (set by the parent pom) and of the working directory, recognised by its README;
 * {@code -Dplanning.samples.dir} names another folder.
 */
public final class SampleDocuments {

    private SampleDocuments() {
    }

    public static Path folder() {
        String named = System.getProperty("planning.samples.dir");
        if (named != null && !named.isBlank() && Files.isDirectory(Path.of(named))) {
            return Path.of(named).toAbsolutePath();
        }
        for (String start : new String[] {named, System.getProperty("platform.root"), System.getProperty("user.dir")}) {
            if (start == null || start.isBlank()) {
                continue;
            }
            for (Path p = Path.of(start).toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("samples").resolve("README.md"))) {
                    return p.resolve("samples");
                }
            }
        }
        throw new IllegalStateException("Sample documents not found: looked for the repository's samples/ folder in every "
                + "ancestor of " + System.getProperty("user.dir") + " (set -Dplanning.samples.dir=... to point elsewhere)");
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
