package gov.planning.plan.api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.planning.document.ParsedPlanDocument;
import gov.planning.document.PlanDocumentParser;
import gov.planning.document.RegionalRow;
import gov.planning.plan.importing.ImportAnalysis;
import gov.planning.plan.importing.NameMatch;
import gov.planning.testing.SampleDocuments;

/**
 * How long importing the largest sample takes; a main class, not a test (run by hand, see the README):
 * <ol>
 * <li>in-process: parse + the import's mapping into the API answer (names left unresolved, no I/O), warmed up;</li>
 * <li>with {@code PLANNING_GATEWAY_URL} set (e.g. http://localhost:8080/graphql) against a running platform: the
 * whole dry run over HTTP — parse, one org-service round trip for every name list, the answer through the gateway —
 * with a token of {@code PLANNING_USER}/{@code PLANNING_PASSWORD} (default planner/planner) from
 * {@code KEYCLOAK_URL} (default http://localhost:8180).</li>
 * </ol>
 * Arguments: [file] [iterations] [issuerCode]; defaults: nmg-2016-urbanization-plan.txt, 200, nmg.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : SampleDocuments.folder().resolve("nmg-2016-urbanization-plan.txt");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String issuer = args.length > 2 ? args[2] : "nmg";
        String text = Files.readString(file, StandardCharsets.UTF_8);
        System.out.printf("%s: %d characters%n", file.getFileName(), text.length());

        for (int i = 0; i < 50; i++) {
            inProcess(text);
        }
        long parseTotal = 0, parseMin = Long.MAX_VALUE, allTotal = 0, allMin = Long.MAX_VALUE;
        int tasks = 0;
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            ParsedPlanDocument doc = PlanDocumentParser.parse(text);
            long t1 = System.nanoTime();
            tasks = ImportApi.view(analysis(doc)).tasks().size();
            long t2 = System.nanoTime();
            parseTotal += t1 - t0;
            parseMin = Math.min(parseMin, t1 - t0);
            allTotal += t2 - t0;
            allMin = Math.min(allMin, t2 - t0);
        }
        System.out.printf("in-process (%d tasks), %d runs: parse mean %.1f ms (min %.1f), parse + import mapping mean %.1f ms (min %.1f)%n",
                tasks, iterations, parseTotal / 1e6 / iterations, parseMin / 1e6, allTotal / 1e6 / iterations, allMin / 1e6);

        String gateway = System.getenv("PLANNING_GATEWAY_URL");
        if (gateway == null || gateway.isBlank()) {
            System.out.println("set PLANNING_GATEWAY_URL (e.g. http://localhost:8080/graphql) to time the dry run through a running platform");
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        String token = token(http);
        String body = "{\"query\":\"mutation($t: String!, $i: String) { importPlanDocument(text: $t, dryRun: true, issuerCode: $i) "
                + "{ title tasks { number leadOrgs { input organization { code } } } unresolvedNames } }\",\"variables\":{\"t\":"
                + quote(text) + ",\"i\":" + quote(issuer) + "}}";
        int rounds = Math.min(iterations, 20);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds + 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException("gateway answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            if (i >= 3) {
                times.add(t1 - t0);
            }
        }
        System.out.printf("dry run through %s, %d runs after 3 warm-ups: mean %.1f ms (min %.1f)%n", gateway, rounds,
                times.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6,
                times.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6);
    }

    private static void inProcess(String text) {
        ImportApi.view(analysis(PlanDocumentParser.parse(text)));
    }

    /** Every name unresolved (no org-service here): the mapping does the same work either way. */
    private static ImportAnalysis analysis(ParsedPlanDocument doc) {
        List<List<NameMatch>> leads = doc.tasks().stream().map(t -> unresolved(t.leadOrgs())).toList();
        List<List<NameMatch>> cooperating = doc.tasks().stream().map(t -> unresolved(t.cooperatingOrgs())).toList();
        List<List<NameMatch>> indicators = doc.indicators().stream().map(i -> unresolved(i.leadOrgs())).toList();
        List<List<NameMatch>> regions = doc.regionalTables().stream()
                .map(t -> unresolved(t.rows().stream().map(RegionalRow::regionName).toList())).toList();
        return new ImportAnalysis(doc, UUID.randomUUID(), null, leads, cooperating, indicators, regions, List.of(), doc.warnings(), List.of(), null, null);
    }

    private static List<NameMatch> unresolved(List<String> names) {
        return names.stream().map(n -> new NameMatch(n, null, null, List.of())).toList();
    }

    private static String token(HttpClient http) throws Exception {
        String keycloak = System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:8180");
        String form = "grant_type=password&client_id=planning-web&username="
                + URLEncoder.encode(System.getenv().getOrDefault("PLANNING_USER", "planner"), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(System.getenv().getOrDefault("PLANNING_PASSWORD", "planner"), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/planning/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token from " + keycloak + ": " + response.body());
        }
        return m.group(1);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
