package gov.planning.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON over HTTP with the JDK's client, and the password grant every command signs in with. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A command's own failure: its message is all the user sees. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** An access token of {@code user} from a token endpoint (the dev realm allows the password grant). */
    String passwordToken(URI tokenUrl, String clientId, String user, String password) throws InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", user, "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> answer;
        try {
            answer = client.send(HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failure("Keycloak at " + tokenUrl + " could not be reached (" + e + "); is the platform up (./platform status)?");
        }
        try {
            JsonNode token = JSON.readTree(answer.body()).get("access_token");
            if (token != null && token.isTextual()) {
                return token.asText();
            }
        } catch (IOException notJson) {
            // Reported below with the answer itself.
        }
        throw new Failure("no token for user " + user + " from " + tokenUrl + ": " + answer.body());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
