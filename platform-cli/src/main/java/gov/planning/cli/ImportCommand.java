package gov.planning.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./platform import FILE [--dry-run] [--issuer CODE] [--json]}: posts importPlanDocument to the gateway with a
 * token of PLANNING_USER/PLANNING_PASSWORD and prints what the import understood (or the raw JSON answer with --json).
 * Exit code 1 when the answer has errors.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a plan document through the gateway and prints what the import understood.")
final class ImportCommand implements Callable<Integer> {

    private static final String ORG = "input organization { code name } candidates { code name }";
    static final String MUTATION = """
            mutation($text: String!, $dry: Boolean, $issuer: String) {
              importPlanDocument(text: $text, dryRun: $dry, issuerCode: $issuer) {
                plan { id status } title docNumber issuedOn periodStart periodEnd
                tasks { number title leadOrgs { %1$s } cooperatingOrgs { %1$s } deadline { date ongoing text } milestones { dueDate description } }
                indicators { name unit comparator baseline { value year } target { value year } leadOrgs { %1$s } }
                regionalTables { title unit periods rows { regionName region { code name } values } totals totalsMatch }
                unresolvedNames warnings
              }
            }""".formatted(ORG);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The plan document as UTF-8 text.")
    Path file;

    @Option(names = "--dry-run", description = "Show what the import understands without saving anything.")
    boolean dryRun;

    @Option(names = "--issuer", paramLabel = "CODE", description = "The issuing organization's code, when the document does not say.")
    String issuer;

    @Option(names = "--json", description = "Print the gateway's answer as JSON.")
    boolean json;

    @Option(names = "--gateway", required = true, paramLabel = "URL", description = "The gateway's GraphQL endpoint.")
    URI gateway;

    @Option(names = "--token-url", required = true, paramLabel = "URL", description = "Realm planning's token endpoint.")
    URI tokenUrl;

    @Option(names = "--user", defaultValue = "${env:PLANNING_USER:-planner}", description = "Default: PLANNING_USER, else planner.")
    String user;

    // From the environment only, never a command-line argument that `ps` shows.
    private final String password = System.getenv().getOrDefault("PLANNING_PASSWORD", "planner");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String text = read(file);
            Http http = new Http();
            String token = http.passwordToken(tokenUrl, "planning-web", user, password);
            Map<String, Object> variables = new HashMap<>();
            variables.put("text", text);
            variables.put("dry", dryRun);
            variables.put("issuer", issuer == null || issuer.isEmpty() ? null : issuer);
            byte[] body = Http.JSON.writeValueAsBytes(Map.of("query", MUTATION, "variables", variables));
            HttpResponse<String> response;
            try {
                // An import creates its indicators one by one: as long as the gateway lets a mutation run, and more.
                response = http.send(HttpRequest.newBuilder(gateway).timeout(Duration.ofSeconds(300))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            } catch (IOException e) {
                throw new Http.Failure("the gateway at " + gateway + " could not be reached (" + e + "); is the platform up (./platform status)?");
            }
            JsonNode answer;
            try {
                answer = Http.JSON.readTree(response.body());
            } catch (IOException e) {
                answer = null;
            }
            if (answer == null || !answer.isObject()) {
                String raw = response.body();
                throw new Http.Failure("the gateway did not answer JSON: " + raw.substring(0, Math.min(500, raw.length())));
            }
            boolean failed = answer.hasNonNull("errors") && answer.get("errors").size() > 0;
            if (json) {
                out.println(Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
                return failed ? 1 : 0;
            }
            for (JsonNode error : answer.path("errors")) {
                err.println("error " + error.path("extensions").path("code").asText("ERROR") + ": " + error.path("message").asText());
            }
            JsonNode result = answer.path("data").path("importPlanDocument");
            if (!result.isObject()) {
                return 1;
            }
            out.print(ImportReport.describe(result));
            return failed ? 1 : 0;
        } catch (Http.Failure e) {
            err.println("platform: import: " + e.getMessage());
            return 1;
        }
    }

    /** The document's text; a byte-order mark (Windows Notepad writes one) is not part of it. */
    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Http.Failure("no such file: " + file);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Http.Failure("could not read " + file + " as UTF-8 text");
        }
    }
}
