package gov.planning.document.bench;

import gov.planning.document.ParsedPlanDocument;
import gov.planning.document.PlanDocumentParser;
import gov.planning.testing.SampleDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times parsing of the largest sample. It is not a test (surefire ignores it), so timing never
 * fails a build; run it by hand after {@code test-compile}, see README. Args: [file] [iterations].
 */
public final class ParseBenchmark {
    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : SampleDocuments.path("nmg-2016-urbanization-plan.txt");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int warmup = Math.max(20, iterations / 4);
        ParsedPlanDocument last = null;
        for (int i = 0; i < warmup; i++) {
            last = PlanDocumentParser.parse(text);
        }
        long min = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            last = PlanDocumentParser.parse(text);
            long dt = System.nanoTime() - t0;
            total += dt;
            min = Math.min(min, dt);
        }
        System.out.printf("%s (%d chars): %d tasks, %d indicators%n", file.getFileName(), text.length(),
                last.tasks().size(), last.indicators().size());
        System.out.printf("warm-up %d, iterations %d: mean %.2f ms, min %.2f ms per parse%n", warmup, iterations,
                total / 1e6 / iterations, min / 1e6);
    }
}
