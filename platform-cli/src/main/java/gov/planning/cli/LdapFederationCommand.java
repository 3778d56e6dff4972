package gov.planning.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Realm planning's user federation 政务目录 with its mappers and the realm's login events, from
 * keycloak/ldap/federation.json as ./platform filled it in (the same file k8s/sync-realm puts into the prod realm
 * import). Created when missing; only its switch, URL and bind password are updated when present; turned off (not
 * removed) with {@code --off}. Through the admin REST API as the bootstrap admin: a dozen kcadm calls would cost
 * minutes on a loaded machine.
 */
@Command(name = "ldap-federation", mixinStandardHelpOptions = true,
        description = "Sets up (or turns off) realm planning's LDAP user federation 政务目录 in a running Keycloak.")
final class LdapFederationCommand implements Callable<Integer> {

    private static final String PROVIDER = "org.keycloak.storage.UserStorageProvider";
    private static final String MAPPER = "org.keycloak.storage.ldap.mappers.LDAPStorageMapper";

    @Spec
    CommandSpec spec;

    @Option(names = "--keycloak", required = true, paramLabel = "URL", description = "Keycloak's base URL.")
    URI keycloak;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The federation as a realm fragment (federation.json).")
    Path file;

    @Option(names = "--off", description = "Turn an existing federation off instead (sign-in stops asking the directory).")
    boolean off;

    // From the environment only, never a command-line argument that `ps` shows.
    private final String adminPassword = System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "");

    private Http http;
    private String token;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            http = new Http();
            String base = keycloak.toString().replaceAll("/+$", "");
            token = http.passwordToken(URI.create(base + "/realms/master/protocol/openid-connect/token"), "admin-cli", "kcadmin", adminPassword);
            String realm = base + "/admin/realms/planning";

            ObjectNode fragment = (ObjectNode) Http.JSON.readTree(file.toFile());
            ObjectNode provider = (ObjectNode) fragment.remove("components").path(PROVIDER).get(0);
            JsonNode mappers = provider.remove("subComponents").path(MAPPER);
            String name = provider.path("name").asText();
            JsonNode existing = call("GET", realm + "/components?type=" + PROVIDER + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    .replace("+", "%20"), null);
            if (off) {
                // The imported accounts stay; only sign-in stops asking the directory.
                for (JsonNode component : existing) {
                    ((ObjectNode) component.path("config")).putArray("enabled").add("false");
                    call("PUT", realm + "/components/" + component.path("id").asText(), component);
                }
                return 0;
            }
            // Login events tell org-service who signed in (it places directory users by their department).
            ObjectNode events = (ObjectNode) call("GET", realm + "/events/config", null);
            events.setAll(fragment);
            call("PUT", realm + "/events/config", events);
            if (existing.size() > 0) {
                JsonNode component = existing.get(0);
                ObjectNode config = (ObjectNode) component.path("config");
                for (String key : new String[] { "enabled", "connectionUrl", "bindCredential" }) {
                    config.set(key, provider.path("config").path(key));
                }
                call("PUT", realm + "/components/" + component.path("id").asText(), component);
                return 0;
            }
            String realmId = call("GET", realm, null).path("id").asText();
            String providerId = call("POST", realm + "/components", provider.put("providerType", PROVIDER).put("parentId", realmId)).asText();
            // Keycloak gives a new provider default mappers; the file's mappers (as the prod import has them) replace them.
            for (JsonNode mapper : call("GET", realm + "/components?parent=" + providerId, null)) {
                call("DELETE", realm + "/components/" + mapper.path("id").asText(), null);
            }
            for (JsonNode mapper : mappers) {
                ObjectNode m = (ObjectNode) mapper;
                m.remove("subComponents");
                call("POST", realm + "/components", m.put("providerType", MAPPER).put("parentId", providerId));
            }
            out.println("    realm planning federates the directory " + provider.path("config").path("connectionUrl").path(0).asText()
                    + " (政务目录, read-only)");
            return 0;
        } catch (Http.Failure e) {
            spec.commandLine().getErr().println("platform: ldap-federation: " + e.getMessage());
            return 1;
        }
    }

    /** The answer's JSON, or for a creation (201 without a body) the new component's id from its Location. */
    private JsonNode call(String method, String url, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(body)));
        HttpResponse<String> answer = http.send(request.build());
        if (answer.statusCode() >= 300) {
            throw new Http.Failure(method + " " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        if (!answer.body().isEmpty()) {
            return Http.JSON.readTree(answer.body());
        }
        String location = answer.headers().firstValue("Location").orElse("");
        return Http.JSON.getNodeFactory().textNode(location.substring(location.lastIndexOf('/') + 1));
    }
}
