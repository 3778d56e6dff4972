package gov.planning.plan.org;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;
import gov.planning.common.remote.ServiceGraphQL;
import gov.planning.common.remote.TtlCache;
import io.smallrye.mutiny.Uni;

/**
 * Asks org-service's GraphQL API ({@code planning.org-service.url}) with the caller's own bearer token, so
 * org-service applies its own rules to the read. One request per lookup: every code (or id) of the lookup is an
 * alias of {@code organization(code:)} / {@code organization(id:)}, and {@code descendants { id }} brings the whole
 * subtree in the same answer, {@code predecessors { id … }} (nested {@value #REFORMS} deep, since org-service only
 * answers direct predecessors) the bodies it took over from. org-service has no "collectives of a member" query, so
 * the members of every collective ({@code organizations(kind: COLLECTIVE) { edges { node { id members { id } } } }}, a small list) ride
 * along in the same request whenever they are not cached, and membership is computed here. Answers are cached for a short time ({@code planning.org-service.cache-ttl}), since
 * one GraphQL request may check permissions several times and the tree changes rarely (a reorganization is seen
 * within the TTL). Tests replace this bean with a fake tree ({@link DefaultBean}).
 */
@ApplicationScoped
@DefaultBean
public class GraphQLOrgDirectory implements OrgDirectory {

    private record Subtree(UUID id, Set<UUID> below, Set<UUID> predecessors) {
    }

    private static final Subtree UNKNOWN = new Subtree(null, Set.of(), Set.of());

    /** How many reforms back predecessors are followed: one nesting level each (two reforms since 2018 are rare). */
    static final int REFORMS = 4;

    /** {@code predecessors { id predecessors { id … } }}, {@value #REFORMS} levels. */
    static final String PREDECESSORS = "predecessors { id ".repeat(REFORMS) + "}".repeat(REFORMS);

    /** {@code successor { id successor { id … } }}, {@value #REFORMS} levels. */
    static final String SUCCESSORS = "successor { id ".repeat(REFORMS) + "}".repeat(REFORMS);

    // Collectives are few (a province has tens); one page of the most a page holds is all of them.
    static final String COLLECTIVES = "cs: organizations(kind: COLLECTIVE, first: 500) { edges { node { id members { id } } } }";

    @Inject
    ServiceGraphQL graphql;

    @ConfigProperty(name = "planning.org-service.url")
    String url;

    @ConfigProperty(name = "planning.org-service.cache-ttl", defaultValue = "PT1M")
    Duration ttl;

    @ConfigProperty(name = "planning.org-service.timeout", defaultValue = "PT5S")
    Duration timeout;

    /** Per code: the organization's subtree and predecessors ({@link #UNKNOWN} when org-service does not know it). */
    private TtlCache<String, Subtree> subtrees;
    /** Per id: its display name; empty when org-service does not know it. */
    private TtlCache<UUID, String> known;
    /** Per id: its predecessors, transitively (empty when none or unknown). */
    private TtlCache<UUID, Set<UUID>> lineages;
    /** Per id: the organization that carries its responsibilities today (itself when no reform replaced it). */
    private TtlCache<UUID, UUID> heirs;
    /** Collective id → its current members' ids; one entry ({@link #ALL}) for all collectives, since they are few. */
    private TtlCache<String, Map<UUID, Set<UUID>>> collectives;
    private static final String ALL = "all";

    @PostConstruct
    void init() {
        subtrees = new TtlCache<>(ttl);
        known = new TtlCache<>(ttl);
        lineages = new TtlCache<>(ttl);
        heirs = new TtlCache<>(ttl);
        collectives = new TtlCache<>(ttl);
    }
    @Override
    public Uni<OrgScope> scopeOf(Collection<String> codes) {
        Set<String> wanted = new LinkedHashSet<>(codes);
        List<String> missing = wanted.stream().filter(c -> subtrees.get(c) == null).toList();
        boolean needCollectives = collectives.get(ALL) == null;
        Uni<Void> load = missing.isEmpty() && !needCollectives ? Uni.createFrom().voidItem() : fetchSubtrees(missing, needCollectives);
        return load.map(ignored -> {
            Set<UUID> own = new HashSet<>();
            Set<UUID> below = new HashSet<>();
            Set<UUID> actingFor = new HashSet<>();
            for (String code : wanted) {
                Subtree tree = cached(subtrees, code);
                if (tree != null && tree.id() != null) {
                    own.add(tree.id());
                    below.add(tree.id());
                    below.addAll(tree.below());
                    actingFor.add(tree.id());
                    actingFor.addAll(tree.predecessors());
                }
            }
            actingFor.addAll(collectivesOf(own, cachedCollectives()));
            return new OrgScope(Set.copyOf(own), Set.copyOf(below), Set.copyOf(actingFor));
        });
    }

    @Override
    public Uni<Set<UUID>> existing(Collection<UUID> ids) {
        return names(ids).map(found -> Set.copyOf(found.keySet()));
    }

    @Override
    public Uni<Map<UUID, String>> names(Collection<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        List<UUID> missing = wanted.stream().filter(id -> known.get(id) == null).toList();
        Uni<Void> load = missing.isEmpty() ? Uni.createFrom().voidItem() : fetchExisting(missing);
        return load.map(ignored -> {
            Map<UUID, String> found = new java.util.HashMap<>();
            for (UUID id : wanted) {
                String name = cached(known, id);
                if (name != null) {
                    found.put(id, name);
                }
            }
            return Map.copyOf(found);
        });
    }

    @Override
    public Uni<Map<UUID, Set<UUID>>> predecessorsOf(Collection<UUID> ids) {
        return lineagesOf(ids, false).map(loaded -> {
            Map<UUID, Set<UUID>> found = new java.util.HashMap<>();
            for (UUID id : new LinkedHashSet<>(ids)) {
                Set<UUID> predecessors = cached(lineages, id);
                if (predecessors != null && !predecessors.isEmpty()) {
                    found.put(id, predecessors);
                }
            }
            return Map.copyOf(found);
        });
    }

    @Override
    public Uni<Map<UUID, Set<UUID>>> actingFor(Collection<UUID> ids) {
        return lineagesOf(ids, collectives.get(ALL) == null).map(loaded -> {
            Map<UUID, Set<UUID>> members = cachedCollectives();
            Map<UUID, Set<UUID>> found = new java.util.HashMap<>();
            for (UUID id : new LinkedHashSet<>(ids)) {
                Set<UUID> acting = new HashSet<>();
                Set<UUID> predecessors = cached(lineages, id);
                if (predecessors != null) {
                    acting.addAll(predecessors);
                }
                acting.addAll(collectivesOf(Set.of(id), members));
                if (!acting.isEmpty()) {
                    found.put(id, Set.copyOf(acting));
                }
            }
            return Map.copyOf(found);
        });
    }

    /** Loads the predecessors of the ids not cached (and the collectives if asked), in one request. */
    private Uni<Void> lineagesOf(Collection<UUID> ids, boolean withCollectives) {
        List<UUID> missing = new LinkedHashSet<>(ids).stream().filter(id -> lineages.get(id) == null).toList();
        if (missing.isEmpty() && !withCollectives) {
            return Uni.createFrom().voidItem();
        }
        return postForIds(missing, "id " + PREDECESSORS, withCollectives ? COLLECTIVES : "").map(data -> {
            for (int i = 0; i < missing.size(); i++) {
                lineages.put(missing.get(i), data.get("o" + i) instanceof JsonObject org ? predecessors(org) : Set.of());
            }
            if (withCollectives) {
                readCollectives(data);
            }
            return null;
        });
    }

    /** The collectives (of {@code members}) that count any of {@code orgs} among their members. */
    private static Set<UUID> collectivesOf(Set<UUID> orgs, Map<UUID, Set<UUID>> members) {
        Set<UUID> found = new HashSet<>();
        members.forEach((collective, ids) -> {
            if (ids.stream().anyMatch(orgs::contains)) {
                found.add(collective);
            }
        });
        return found;
    }

    private Map<UUID, Set<UUID>> cachedCollectives() {
        Map<UUID, Set<UUID>> cached = cached(collectives, ALL);
        return cached == null ? Map.of() : cached;
    }

    private void readCollectives(JsonObject data) {
        Map<UUID, Set<UUID>> byCollective = new java.util.HashMap<>();
        if (data.get("cs") instanceof JsonObject cs && cs.get("edges") instanceof jakarta.json.JsonArray list) {
            for (JsonValue edge : list) {
                JsonObject collective = edge.asJsonObject().getJsonObject("node");
                Set<UUID> members = new HashSet<>();
                if (collective.get("members") instanceof jakarta.json.JsonArray ms) {
                    ms.forEach(m -> members.add(UUID.fromString(m.asJsonObject().getString("id"))));
                }
                byCollective.put(UUID.fromString(collective.getString("id")), Set.copyOf(members));
            }
        }
        collectives.put(ALL, Map.copyOf(byCollective));
    }

    /** Every id in the nested {@code predecessors} lists of {@code org}. */
    private static Set<UUID> predecessors(JsonObject org) {
        Set<UUID> found = new HashSet<>();
        java.util.ArrayDeque<JsonObject> todo = new java.util.ArrayDeque<>(List.of(org));
        while (!todo.isEmpty()) {
            if (todo.pop().get("predecessors") instanceof jakarta.json.JsonArray list) {
                for (JsonValue p : list) {
                    JsonObject predecessor = p.asJsonObject();
                    if (found.add(UUID.fromString(predecessor.getString("id")))) {
                        todo.push(predecessor);
                    }
                }
            }
        }
        return Set.copyOf(found);
    }

    private Uni<Void> fetchSubtrees(List<String> codes, boolean withCollectives) {
        return postForOrganizations("code", "String", codes, "id descendants { id } " + PREDECESSORS,
                withCollectives ? COLLECTIVES : "").map(data -> {
            for (int i = 0; i < codes.size(); i++) {
                JsonValue org = data.get("o" + i);
                Subtree tree = UNKNOWN;
                if (org instanceof JsonObject found) {
                    Set<UUID> below = new HashSet<>();
                    found.getJsonArray("descendants").forEach(d -> below.add(UUID.fromString(d.asJsonObject().getString("id"))));
                    UUID id = UUID.fromString(found.getString("id"));
                    Set<UUID> predecessors = predecessors(found);
                    tree = new Subtree(id, Set.copyOf(below), predecessors);
                    lineages.put(id, predecessors);
                }
                subtrees.put(codes.get(i), tree);
            }
            if (withCollectives) {
                readCollectives(data);
            }
            return null;
        });
    }

    private Uni<Void> fetchExisting(List<UUID> ids) {
        return postForIds(ids, "id name shortName", "").map(data -> {
            for (int i = 0; i < ids.size(); i++) {
                String name = null;
                if (data.get("o" + i) instanceof JsonObject org) {
                    String shortName = org.containsKey("shortName") && !org.isNull("shortName") ? org.getString("shortName") : null;
                    name = shortName != null ? shortName : org.getString("name");
                }
                known.put(ids.get(i), name);
            }
            return null;
        });
    }

    @Override
    public Uni<Map<UUID, UUID>> currentSuccessorOf(Collection<UUID> ids) {
        List<UUID> missing = new LinkedHashSet<>(ids).stream().filter(id -> heirs.get(id) == null).toList();
        Uni<Void> load = missing.isEmpty() ? Uni.createFrom().voidItem() : postForIds(missing, "id " + SUCCESSORS, "").map(data -> {
            for (int i = 0; i < missing.size(); i++) {
                UUID heir = missing.get(i);
                JsonObject at = data.get("o" + i) instanceof JsonObject org ? org : null;
                while (at != null && at.get("successor") instanceof JsonObject next) {
                    heir = UUID.fromString(next.getString("id"));
                    at = next;
                }
                heirs.put(missing.get(i), heir);
            }
            return null;
        });
        return load.map(loaded -> {
            Map<UUID, UUID> found = new java.util.HashMap<>();
            for (UUID id : new LinkedHashSet<>(ids)) {
                UUID heir = cached(heirs, id);
                if (heir != null && !heir.equals(id)) {
                    found.put(id, heir);
                }
            }
            return Map.copyOf(found);
        });
    }

    /**
     * The organizations of {@code ids} (replaced ones too) with {@code selection}, keyed {@code o<i>} by their position in
     * {@code ids} (absent when org-service does not know it). One request, one organizations(ids:) list per
     * {@value #IDS_PER_LIST} ids, so org-service reads each list, and each nesting level below it, in one statement
     * however many organizations are asked (a dashboard's leads number thousands at a province's scale).
     */
    private Uni<JsonObject> postForIds(List<UUID> ids, String selection, String extra) {
        StringBuilder query = new StringBuilder("query");
        StringBuilder body = new StringBuilder();
        JsonObjectBuilder variables = Json.createObjectBuilder();
        int lists = (ids.size() + IDS_PER_LIST - 1) / IDS_PER_LIST;
        for (int l = 0; l < lists; l++) {
            query.append(l == 0 ? "(" : ", ").append("$l").append(l).append(": [String!]");
            body.append(" l").append(l).append(": organizations(ids: $l").append(l).append(", includeReplaced: true, first: ")
                    .append(IDS_PER_LIST).append(") { edges { node { ").append(selection).append(" } } }");
            var chunk = Json.createArrayBuilder();
            ids.subList(l * IDS_PER_LIST, Math.min(ids.size(), (l + 1) * IDS_PER_LIST)).forEach(id -> chunk.add(id.toString()));
            variables.add("l" + l, chunk);
        }
        query.append(lists == 0 ? "" : ")").append(" {").append(body).append(extra.isEmpty() ? "" : " " + extra).append(" }");
        return post(query.toString(), variables.build()).map(data -> {
            Map<String, JsonObject> byId = new java.util.HashMap<>();
            for (int l = 0; l < lists; l++) {
                if (data.get("l" + l) instanceof JsonObject list && list.get("edges") instanceof jakarta.json.JsonArray edges) {
                    edges.forEach(e -> {
                        JsonObject node = e.asJsonObject().getJsonObject("node");
                        byId.put(node.getString("id"), node);
                    });
                }
            }
            JsonObjectBuilder keyed = Json.createObjectBuilder();
            data.forEach((key, value) -> {
                if (!key.matches("l[0-9]+")) {
                    keyed.add(key, value);
                }
            });
            for (int i = 0; i < ids.size(); i++) {
                JsonObject org = byId.get(ids.get(i).toString());
                if (org != null) {
                    keyed.add("o" + i, org);
                }
            }
            return keyed.build();
        });
    }

    /** org-service's most ids (and page size) of one organizations list. */
    static final int IDS_PER_LIST = 500;

    /**
     * {@code query($i0: ID, …) { o0: organization(id: $i0) { selection } … extra }} (or by {@code code}, with
     * {@code $c0: String}): one request for many organizations, the answer for the i-th key under {@code o<i>}.
     */
    private Uni<JsonObject> postForOrganizations(String argument, String type, List<String> keys, String selection, String extra) {
        String variable = argument.substring(0, 1);
        StringBuilder query = new StringBuilder("query");
        StringBuilder body = new StringBuilder();
        JsonObjectBuilder variables = Json.createObjectBuilder();
        for (int i = 0; i < keys.size(); i++) {
            query.append(i == 0 ? "(" : ", ").append('$').append(variable).append(i).append(": ").append(type);
            body.append(" o").append(i).append(": organization(").append(argument).append(": $").append(variable).append(i)
                    .append(") { ").append(selection).append(" }");
            variables.add(variable + i, keys.get(i));
        }
        query.append(keys.isEmpty() ? "" : ")").append(" {").append(body).append(extra.isEmpty() ? "" : " " + extra).append(" }");
        return post(query.toString(), variables.build());
    }

    /** A permission look-up: when org-service cannot answer, the write it guards is not made (UNAVAILABLE). */
    private Uni<JsonObject> post(String query, JsonObject variables) {
        return graphql.lookup(url, "org-service (organization tree)", query, variables, timeout);
    }

    /** The cached value, or null when none is cached, it expired, or org-service answered "no such organization". */
    private static <K, V> V cached(TtlCache<K, V> cache, K key) {
        java.util.Optional<V> value = cache.get(key);
        return value == null ? null : value.orElse(null);
    }
}
