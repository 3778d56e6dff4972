package gov.planning.org.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few calls of Keycloak's admin REST API that group sync needs, made with the service identity
 * {@code planning-services} (client credentials; its service account holds realm-management's group and user roles).
 * Blocking on purpose: it only runs on worker threads, never on a request's event loop.
 */
@ApplicationScoped
public class KeycloakAdminClient implements GroupDirectory, IdentityProviderDirectory, DirectoryUsers {

    @ConfigProperty(name = "planning.keycloak.url")
    String baseUrl;

    @ConfigProperty(name = "planning.keycloak.realm")
    String realm;

    @ConfigProperty(name = "planning.keycloak.client-id")
    String clientId;

    @ConfigProperty(name = "planning.keycloak.client-secret")
    java.util.Optional<String> clientSecret;

    /**
     * How many reads of a walk (the groups' children level by level, the members of several organizations) are in
     * flight at once. Each costs Keycloak tens of milliseconds of CPU at a province's 20,000 groups (its fine-grained
     * permissions are evaluated per request): one after another, the walk of 20,249 groups took 123 s (bench/scale).
     */
    @ConfigProperty(name = "planning.keycloak.concurrent-reads", defaultValue = "4")
    int concurrentReads = 4; // also when built by hand (KeycloakStandIn)

    private final ObjectMapper json = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Group ids by organization code, as last read (the full walk, a search) or created here: a group keeps its id for
     * life, so an organization's members cost no search each time (the daily reminder scan asks for thousands). A
     * remembered id that Keycloak no longer knows (the group deleted and made again, by hand or another replica) is
     * searched again once ({@link #withGroupOf}).
     */
    private final Map<String, String> groupIds = new java.util.concurrent.ConcurrentHashMap<>();
    private String token;
    private Instant tokenExpires = Instant.MIN;

    public boolean configured() {
        return clientSecret.filter(s -> !s.isBlank()).isPresent();
    }

    /**
     * Every group of the realm with its parent, read level by level: a level's children reads are
     * {@link #concurrentReads} at a time. Parents come before their children, each level in Keycloak's order.
     */
    @Override
    public List<Group> groups() {
        List<Group> all = new ArrayList<>();
        List<Walked> level = levelOf(get(adminPath("/groups?briefRepresentation=false&max=10000")), null);
        while (!level.isEmpty()) {
            level.forEach(w -> all.add(w.group()));
            List<Group> parents = level.stream().filter(Walked::hasChildren).map(Walked::group).toList();
            List<JsonNode> children = getAll(parents.stream()
                    .map(g -> adminPath("/groups/" + g.id() + "/children?briefRepresentation=false&max=10000")).toList());
            level = new ArrayList<>();
            for (int i = 0; i < parents.size(); i++) {
                level.addAll(levelOf(children.get(i), parents.get(i).id()));
            }
        }
        groupIds.clear();
        all.stream().filter(g -> g.orgCode() != null).forEach(g -> groupIds.putIfAbsent(g.orgCode(), g.id()));
        return all;
    }

    /** The group ids known now, by organization code: what a walk found and what was created or searched since. */
    public Map<String, String> knownGroupIds() {
        return Map.copyOf(groupIds);
    }

    /** Group ids known from elsewhere (the last walk's, {@link GroupWalks}); an id known here already is kept. */
    public void knowGroupIds(Map<String, String> ids) {
        ids.forEach(groupIds::putIfAbsent);
    }

    /** How many groups the realm holds at every level: one request, where {@link #groups} reads every level. */
    public int groupCount() {
        return get(adminPath("/groups/count?top=false")).path("count").asInt();
    }

    /**
     * Keycloak's exact search answers the matching group inside its ancestors' tree (each level's {@code subGroups}
     * holding only the way down), so one request tells the group, its attributes and its parent.
     */
    @Override
    public Group find(String orgCode) {
        Group found = findByName(get(adminPath("/groups?exact=true&briefRepresentation=false&search=" + encode(orgCode))), null, orgCode);
        if (found != null && found.orgCode() != null) {
            groupIds.put(found.orgCode(), found.id());
        }
        return found;
    }

    private static Group findByName(JsonNode level, String parentId, String name) {
        for (JsonNode node : level) {
            if (name.equals(node.path("name").asText())) {
                return group(node, parentId);
            }
            Group below = findByName(node.path("subGroups"), node.path("id").asText(), name);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    /** A group met on the walk, and whether Keycloak says it has children to read. */
    private record Walked(Group group, boolean hasChildren) {
    }

    /** The groups of one level of Keycloak's answer, under {@code parentId}. */
    private static List<Walked> levelOf(JsonNode level, String parentId) {
        List<Walked> groups = new ArrayList<>();
        for (JsonNode node : level) {
            groups.add(new Walked(group(node, parentId), node.path("subGroupCount").asInt(0) > 0 || node.path("subGroups").size() > 0));
        }
        return groups;
    }

    /** A group of a full representation ({@code briefRepresentation=false}: with its attributes) under {@code parentId}. */
    private static Group group(JsonNode node, String parentId) {
        JsonNode attributes = node.path("attributes");
        return new Group(node.path("id").asText(), node.path("name").asText(), parentId, first(attributes, "org_code"),
                first(attributes, "org_name"));
    }

    /**
     * The direct members of the group standing for {@code orgCode} that hold any of the realm {@code roles} (directly
     * or through a composite), with their e-mail. Per member one role-mapping read: it needs only view-users, which the
     * service account has (listing a role's users would need view-realm too); groups have tens of members.
     */
    public List<MemberDirectory.Member> members(String orgCode, java.util.Collection<String> roles) {
        return withGroupOf(orgCode, groupId -> groupId == null ? List.of() : membersOfGroup(groupId, roles));
    }

    private List<MemberDirectory.Member> membersOfGroup(String groupId, java.util.Collection<String> roles) {
        List<MemberDirectory.Member> found = new ArrayList<>();
        for (JsonNode user : get(adminPath("/groups/" + groupId + "/members?briefRepresentation=true&max=10000"))) {
            if (!user.path("enabled").asBoolean(true)) {
                continue;
            }
            java.util.Set<String> held = new java.util.TreeSet<>();
            for (JsonNode role : get(adminPath("/users/" + user.path("id").asText() + "/role-mappings/realm/composite"))) {
                if (roles.contains(role.path("name").asText())) {
                    held.add(role.path("name").asText());
                }
            }
            if (!held.isEmpty()) {
                String email = user.path("email").asText("");
                found.add(new MemberDirectory.Member(user.path("username").asText(), email.isBlank() ? null : email, held));
            }
        }
        return found;
    }

    /** Creates the group under {@code parentId} (top level when null) and answers its id. */
    @Override
    public String create(String parentId, String name, String orgCode, String orgName) {
        String path = parentId == null ? "/groups" : "/groups/" + parentId + "/children";
        HttpResponse<String> response = send(request(adminPath(path)).POST(body(representation(null, name, orgCode, orgName))));
        String location = response.headers().firstValue("Location").orElse("");
        String id = location.substring(location.lastIndexOf('/') + 1);
        groupIds.put(orgCode, id);
        return id;
    }

    @Override
    public void update(String id, String name, String orgCode, String orgName) {
        send(request(adminPath("/groups/" + id)).PUT(body(representation(id, name, orgCode, orgName))));
    }

    /** Keycloak moves an existing group when it is posted, with its id, as a child of another (or as top level). */
    @Override
    public void move(String id, String newParentId, String name, String orgCode, String orgName) {
        String path = newParentId == null ? "/groups" : "/groups/" + newParentId + "/children";
        send(request(adminPath(path)).POST(body(representation(id, name, orgCode, orgName))));
    }

    @Override
    public void delete(String id) {
        send(request(adminPath("/groups/" + id)).DELETE());
        // Its subgroups go with it; their ids, if remembered, are searched again on their next use.
        groupIds.values().remove(id);
    }

    @Override
    public Map<String, String> identityProviders() {
        Map<String, String> providers = new java.util.LinkedHashMap<>();
        for (JsonNode provider : get(adminPath("/identity-provider/instances"))) {
            providers.put(provider.path("alias").asText(), provider.path("providerId").asText());
        }
        return providers;
    }

    @Override
    public List<Mapper> mappers(String alias) {
        List<Mapper> mappers = new ArrayList<>();
        for (JsonNode mapper : get(adminPath("/identity-provider/instances/" + encode(alias) + "/mappers"))) {
            Map<String, String> config = new java.util.LinkedHashMap<>();
            mapper.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            mappers.add(new Mapper(mapper.path("id").asText(), mapper.path("name").asText(),
                    mapper.path("identityProviderMapper").asText(), config));
        }
        return mappers;
    }

    @Override
    public void createMapper(String alias, Mapper mapper) {
        send(request(adminPath("/identity-provider/instances/" + encode(alias) + "/mappers")).POST(body(mapperRepresentation(alias, mapper))));
    }

    @Override
    public void updateMapper(String alias, Mapper mapper) {
        send(request(adminPath("/identity-provider/instances/" + encode(alias) + "/mappers/" + mapper.id()))
                .PUT(body(mapperRepresentation(alias, mapper))));
    }

    @Override
    public void deleteMapper(String alias, String id) {
        send(request(adminPath("/identity-provider/instances/" + encode(alias) + "/mappers/" + id)).DELETE());
    }

    private static Map<String, Object> mapperRepresentation(String alias, Mapper mapper) {
        Map<String, Object> representation = new java.util.LinkedHashMap<>();
        if (mapper.id() != null) {
            representation.put("id", mapper.id());
        }
        representation.put("name", mapper.name());
        representation.put("identityProviderAlias", alias);
        representation.put("identityProviderMapper", mapper.type());
        representation.put("config", mapper.config());
        return representation;
    }

    @Override
    public List<Login> loginsSince(long since) {
        List<Login> logins = new java.util.ArrayList<>();
        int page = 200;
        for (int first = 0; ; first += page) {
            JsonNode events = get(adminPath("/events?type=LOGIN&direction=asc&dateFrom=" + since + "&first=" + first + "&max=" + page));
            for (JsonNode event : events) {
                if (event.hasNonNull("userId")) {
                    logins.add(new Login(event.path("userId").asText(), event.path("time").asLong()));
                }
            }
            if (events.size() < page) {
                return logins;
            }
        }
    }

    @Override
    public Account account(String userId) {
        JsonNode user;
        try {
            user = get(adminPath("/users/" + encode(userId)));
        } catch (KeycloakUnavailableException e) {
            if (e.notFound()) {
                return null;
            }
            throw e;
        }
        boolean inAnyGroup = get(adminPath("/users/" + encode(userId) + "/groups?briefRepresentation=true&max=1")).size() > 0;
        JsonNode attributes = user.path("attributes");
        return new Account(user.path("id").asText(), user.path("username").asText(), user.hasNonNull("federationLink"),
                first(attributes, BrokerMapperReconciler.CODE_CLAIM), first(attributes, BrokerMapperReconciler.NAME_CLAIM), inAnyGroup);
    }

    @Override
    public void join(String userId, String groupId) {
        write("PUT", "/users/" + encode(userId) + "/groups/" + encode(groupId), null);
    }

    /** A GET on the realm's admin API ({@code path} after {@code /admin/realms/<realm>}), for the staff directory. */
    public JsonNode read(String path) {
        return get(adminPath(path));
    }

    /** A write on the realm's admin API; {@code body} (null: none) goes as JSON. Answers the created resource's id, if any. */
    public String write(String method, String path, Object body) {
        HttpResponse<String> response = send(request(adminPath(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body(body)));
        String location = response.headers().firstValue("Location").orElse("");
        return location.isEmpty() ? null : location.substring(location.lastIndexOf('/') + 1);
    }

    /** The id of the group standing for the organization, or null when it has none (yet). */
    @Override
    public String groupIdOf(String orgCode) {
        String known = groupIds.get(orgCode);
        if (known != null) {
            return known;
        }
        Group found = find(orgCode);
        return found == null ? null : found.id();
    }

    /**
     * Runs {@code call} with the id of the organization's group (null when it has none); once more with the id searched
     * anew when Keycloak answers 404 for a remembered one.
     */
    public <T> T withGroupOf(String orgCode, java.util.function.Function<String, T> call) {
        String id = groupIdOf(orgCode);
        try {
            return call.apply(id);
        } catch (KeycloakUnavailableException e) {
            if (id == null || !e.notFound()) {
                throw e;
            }
            groupIds.remove(orgCode, id);
            return call.apply(groupIdOf(orgCode));
        }
    }

    private Map<String, Object> representation(String id, String name, String orgCode, String orgName) {
        Map<String, Object> group = new java.util.LinkedHashMap<>();
        if (id != null) {
            group.put("id", id);
        }
        group.put("name", name);
        group.put("attributes", Map.of("org_code", List.of(orgCode), "org_name", List.of(orgName)));
        return group;
    }

    private JsonNode get(String url) {
        return parsed(url, send(request(url).GET()));
    }

    /** GETs of {@code urls}, {@link #concurrentReads} in flight at a time; the answers in the urls' order. */
    private List<JsonNode> getAll(List<String> urls) {
        List<JsonNode> answers = new ArrayList<>(urls.size());
        for (int from = 0; from < urls.size(); from += concurrentReads) {
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            List<HttpRequest> sent = new ArrayList<>();
            for (String url : urls.subList(from, Math.min(urls.size(), from + concurrentReads))) {
                HttpRequest built = request(url).GET().build();
                sent.add(built);
                inFlight.add(http.sendAsync(built, HttpResponse.BodyHandlers.ofString()));
            }
            int i = 0;
            try {
                for (; i < sent.size(); i++) {
                    answers.add(parsed(sent.get(i).uri().toString(), checked(sent.get(i), inFlight.get(i).get())));
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new KeycloakUnavailableException("GET " + sent.get(i).uri() + " failed: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeycloakUnavailableException("interrupted");
            } finally {
                // After a failure the rest are not waited for (a no-op for those answered).
                inFlight.forEach(f -> f.cancel(true));
            }
        }
        return answers;
    }

    private JsonNode parsed(String url, HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new KeycloakUnavailableException("unreadable answer from " + url + ": " + e.getMessage());
        }
    }

    private HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return checked(built, http.send(built, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new KeycloakUnavailableException(built.method() + " " + built.uri() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakUnavailableException("interrupted");
        }
    }

    /** The response, unless Keycloak refused the request. */
    private static HttpResponse<String> checked(HttpRequest built, HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new KeycloakUnavailableException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                    + ": " + response.body(), response.statusCode());
        }
        return response;
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret.orElse(""));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new KeycloakUnavailableException("token request for " + clientId + " answered " + response.statusCode());
            }
            JsonNode answer = json.readTree(response.body());
            token = answer.path("access_token").asText();
            // Renew early so a long reconcile never runs with an expired token.
            tokenExpires = Instant.now().plusSeconds(Math.max(10, answer.path("expires_in").asLong(60) - 30));
            return token;
        } catch (IOException e) {
            throw new KeycloakUnavailableException("token request failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakUnavailableException("interrupted");
        }
    }

    private String adminPath(String path) {
        return baseUrl + "/admin/realms/" + realm + path;
    }

    private static String first(JsonNode attributes, String name) {
        JsonNode values = attributes.path(name);
        return values.isArray() && values.size() > 0 ? values.get(0).asText() : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Keycloak could not be reached or refused a call; sync retries on the next change or reconcile. */
    public static class KeycloakUnavailableException extends RuntimeException {
        private final int status;

        public KeycloakUnavailableException(String message) {
            this(message, 0);
        }

        KeycloakUnavailableException(String message, int status) {
            super(message);
            this.status = status;
        }

        /** Keycloak answered that the resource (a user, a group) does not exist. */
        public boolean notFound() {
            return status == 404;
        }
    }
}
