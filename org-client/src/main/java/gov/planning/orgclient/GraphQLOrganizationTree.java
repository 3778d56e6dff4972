package gov.planning.orgclient;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * The organization tree read from org-service through {@link OrgServiceClient}, one request per look-up (the
 * operations are {@link OrgOperations}'): every code of a look-up is an alias of {@code organization(code:)}, ids go in
 * {@code organizations(ids:)} lists, {@code descendantIds} brings the whole subtree's ids in the same answer,
 * {@code predecessors { id … }} (nested {@value OrgOperations#REFORMS} deep, since that field answers only direct
 * predecessors) the bodies a token's organizations took over from, {@code predecessors(ids:)} those of many ids (every
 * reform back) and {@code currentSuccessors} the replaced ones among many ids. The
 * members of every collective (a small list) ride along whenever they are not cached, and membership is computed here. Tests replace this bean ({@link DefaultBean}) with
 * {@code InMemoryOrganizationTree} (this module's test-jar).
 * <p>
 * Answers are cached per organization (Caffeine, bounded: {@code planning.clients.org-service.cache.*}), since one
 * GraphQL request may check permissions several times and the tree changes rarely, and kept while org-service's tree
 * version (which also changes at midnight) stays the one they were read under ({@link #confirmFresh}). An answer read with one
 * caller's token is served to other callers: org-service answers these fields the same to every signed-in caller
 * (docs/domain.md §4: everyone reads organizations), so the token only proves the read is allowed. Nothing caller-
 * specific (organization members, a document's name resolution) is cached. Absent organizations are cached too.
 */
@ApplicationScoped
@DefaultBean
public class GraphQLOrganizationTree implements OrganizationTree {

    /** {@code below}: the organization itself and everything below it. */
    private record Subtree(UUID id, Set<UUID> below, Set<UUID> predecessors) {
    }

    private static final Subtree UNKNOWN = new Subtree(null, Set.of(), Set.of());

    @Inject
    OrgServiceClient client;

    /** Caffeine's clock (a test's own, to pass time). */
    Ticker ticker = Ticker.systemTicker();

    /**
     * Per code: the organization's subtree and predecessors ({@link #UNKNOWN} when org-service does not know it). A
     * caller's scope, read on every permission check: a province's is 20,000 ids.
     */
    private AsyncLoadingCache<String, Optional<Subtree>> subtrees;
    /** Per id: the organization and everything below it; empty when org-service does not know it. */
    private Cache<UUID, Optional<Set<UUID>>> subtreesById;
    /** Per issuer id: its nearest government (itself when it is one or org-service does not know it). */
    private Cache<UUID, Optional<UUID>> governments;
    /** Per id: its display name; empty when org-service does not know it. */
    private Cache<UUID, Optional<String>> known;
    /** Per id: its predecessors, transitively (empty when none or unknown). */
    private Cache<UUID, Optional<Set<UUID>>> lineages;
    /** Per id: the organization that carries its responsibilities today (itself when no reform replaced it). */
    private Cache<UUID, Optional<UUID>> heirs;
    /** Collective id → its current members' ids; one entry ({@link #ALL}) for all collectives, since they are few. */
    private Cache<String, Optional<Map<UUID, Set<UUID>>>> collectives;
    private static final String ALL = "all";

    /** The tree version the cached answers were read under, and when org-service last said it ({@link #ticker} time). */
    private record Confirmed(String treeVersion, long atNanos) {
    }

    private volatile Confirmed confirmed;
    /** {@code expire-after-write}: answers read under a version confirmed longer ago wait for it to be asked again. */
    private long confirmFor;
    /** Moves on each time the caches are emptied: an answer asked for before that is returned but not cached. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    /** Whether a version request runs in the background already. */
    private final java.util.concurrent.atomic.AtomicBoolean confirming = new java.util.concurrent.atomic.AtomicBoolean();

    GraphQLOrganizationTree() {
    }

    /** Outside CDI: tests against a stand-in for org-service. */
    public GraphQLOrganizationTree(OrgServiceClient client) {
        this(client, Ticker.systemTicker());
    }

    GraphQLOrganizationTree(OrgServiceClient client, Ticker ticker) {
        this.client = client;
        this.ticker = ticker;
        init();
    }

    @PostConstruct
    void init() {
        OrgServiceConfig.Cache settings = client.config().cache();
        confirmFor = settings.expireAfterWrite().toNanos();
        // Caffeine calls the loader on the reading thread, so the request it sends captures that reader's Vert.x context
        // and token like any other look-up.
        subtrees = Caffeine.newBuilder().ticker(ticker).maximumSize(settings.maximumSize()).expireAfterWrite(settings.revalidateWithin())
                .buildAsync(new AsyncCacheLoader<String, Optional<Subtree>>() {
                    @Override
                    public java.util.concurrent.CompletableFuture<Optional<Subtree>> asyncLoad(String code, java.util.concurrent.Executor executor) {
                        return fetchSubtrees(List.of(code)).map(found -> found.get(code)).subscribeAsCompletionStage();
                    }

                    @Override
                    public java.util.concurrent.CompletableFuture<Map<String, Optional<Subtree>>> asyncLoadAll(
                            java.util.Set<? extends String> codes, java.util.concurrent.Executor executor) {
                        return fetchSubtrees(List.copyOf(codes)).subscribeAsCompletionStage();
                    }
                });
        subtreesById = cache();
        governments = cache();
        known = cache();
        lineages = cache();
        heirs = cache();
        collectives = cache();
    }

    private <K, V> Cache<K, V> cache() {
        OrgServiceConfig.Cache settings = client.config().cache();
        return Caffeine.newBuilder().ticker(ticker).maximumSize(settings.maximumSize()).expireAfterWrite(settings.revalidateWithin()).build();
    }

    /**
     * Makes the cached answers current before a look-up uses them. Read under a tree version org-service said within
     * half of {@code expire-after-write}: used as they are; within the whole of it: used while one request in the
     * background asks the version again; else the look-up first asks it (one small request). A version other than the
     * one they were read under empties every cache. So a reorganization is seen within {@code expire-after-write}, as
     * when every answer expired after it, but a caller idle for longer is not made to wait for its scope to be read
     * again when nothing changed: a province's 20,000 ids made the first request after a pause of a minute ~0.3 s
     * slower (bench/scale, 2026-12-07 15:41).
     */
    private Uni<Void> confirmFresh() {
        Confirmed last = confirmed;
        long age = last == null ? Long.MAX_VALUE : ticker.read() - last.atNanos();
        if (age < confirmFor / 2) {
            return Uni.createFrom().voidItem();
        }
        if (age < confirmFor) {
            if (confirming.compareAndSet(false, true)) {
                askTreeVersion().subscribe().with(done -> confirming.set(false), failed -> confirming.set(false));
            }
            return Uni.createFrom().voidItem();
        }
        return askTreeVersion();
    }

    /** Asks org-service the tree's version; another than the cached answers were read under empties the caches. */
    private Uni<Void> askTreeVersion() {
        long asked = ticker.read();
        return post(OrgOperations.TREE_VERSION, JsonValue.EMPTY_JSON_OBJECT).invoke(data -> {
            String version = data.getString("organizationTreeVersion");
            Confirmed last = confirmed;
            if (last == null || !last.treeVersion().equals(version)) {
                generation.incrementAndGet();
                subtrees.synchronous().invalidateAll();
                List.of(subtreesById, governments, known, lineages, heirs, collectives).forEach(Cache::invalidateAll);
            }
            if (last == null || asked > last.atNanos()) {
                confirmed = new Confirmed(version, asked);
            }
        }).replaceWithVoid();
    }

    /** Caches {@code value} unless the caches were emptied since {@code asked} (the generation a read began in). */
    private <K, V> void keep(Cache<K, V> cache, K key, V value, long asked) {
        if (generation.get() == asked) {
            cache.put(key, value);
        }
    }

    @Override
    public Uni<OrgScope> scopeOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            // a caller without organizations: nothing to ask
            return Uni.createFrom().item(OrgScope.EMPTY);
        }
        Set<String> wanted = new LinkedHashSet<>(codes);
        // the codes not cached in one request (with the collectives when they are not cached either); a load another
        // request started completes on that request's context, so this caller resumes on its own
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return confirmFresh().chain(() -> {
            Uni<Map<String, Optional<Subtree>>> loaded = Uni.createFrom().completionStage(() -> subtrees.getAll(wanted));
            if (context != null) {
                loaded = loaded.emitOn(r -> context.runOnContext(v -> r.run()));
            }
            return loaded;
        }).chain(trees -> collectives().map(members -> scope(wanted, trees, members)));
    }

    /** The scope of the organizations {@code wanted}, of their subtrees as read and the collectives' members. */
    private static OrgScope scope(Set<String> wanted, Map<String, Optional<Subtree>> trees, Map<UUID, Set<UUID>> members) {
        Set<UUID> own = new HashSet<>();
        List<Set<UUID>> belows = new java.util.ArrayList<>();
        Set<UUID> actingFor = new HashSet<>();
        for (String code : wanted) {
            Subtree tree = trees.getOrDefault(code, Optional.empty()).orElse(null);
            if (tree != null && tree.id() != null) {
                own.add(tree.id());
                belows.add(tree.below());
                actingFor.add(tree.id());
                actingFor.addAll(tree.predecessors());
            }
        }
        actingFor.addAll(collectivesOf(own, members));
        // one organization's subtree as cached (a province's 20,000 ids are not copied on every permission check)
        Set<UUID> below = belows.size() == 1 ? belows.get(0) : Set.copyOf(belows.stream().flatMap(Set::stream).collect(Collectors.toSet()));
        return new OrgScope(Set.copyOf(own), below, Set.copyOf(actingFor));
    }

    /** Every collective's members: cached, or read now (they usually came along with the first scope). */
    private Uni<Map<UUID, Set<UUID>>> collectives() {
        Map<UUID, Set<UUID>> cached = cached(collectives, ALL);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        long asked = generation.get();
        return postForKeys("code", "String", List.of(), "", true).map(data -> readCollectives(data, asked));
    }

    @Override
    public Uni<Set<UUID>> existing(Collection<UUID> ids) {
        return names(ids).map(found -> Set.copyOf(found.keySet()));
    }

    @Override
    public Uni<Map<UUID, String>> names(Collection<UUID> ids) {
        return confirmFresh().chain(() -> namesNow(ids));
    }

    private Uni<Map<UUID, String>> namesNow(Collection<UUID> ids) {
        Map<UUID, String> found = new java.util.HashMap<>();
        List<UUID> missing = new java.util.ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            Optional<String> name = known.getIfPresent(id);
            if (name == null) {
                missing.add(id);
            } else {
                name.ifPresent(n -> found.put(id, n));
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(Map.copyOf(found));
        }
        // from the answer, not the cache: thousands of ids may outnumber its entries (see lineagesOf)
        return fetchExisting(missing).map(loaded -> {
            found.putAll(loaded);
            return Map.copyOf(found);
        });
    }

    @Override
    public Uni<Map<UUID, Set<UUID>>> predecessorsOf(Collection<UUID> ids) {
        return confirmFresh().chain(() -> lineagesOf(ids, false)).map(Lineages::predecessors).map(loaded -> {
            Map<UUID, Set<UUID>> found = new java.util.HashMap<>();
            for (UUID id : new LinkedHashSet<>(ids)) {
                Set<UUID> predecessors = loaded.get(id);
                if (predecessors != null && !predecessors.isEmpty()) {
                    found.put(id, predecessors);
                }
            }
            return Map.copyOf(found);
        });
    }

    @Override
    public Uni<Map<UUID, Set<UUID>>> actingFor(Collection<UUID> ids) {
        return confirmFresh().chain(() -> lineagesOf(ids, collectives.getIfPresent(ALL) == null))
                .chain(read -> read.collectives() != null ? Uni.createFrom().item(read)
                        : collectives().map(members -> new Lineages(read.predecessors(), members)))
                .map(read -> {
            Map<UUID, Set<UUID>> loaded = read.predecessors();
            Map<UUID, Set<UUID>> members = read.collectives();
            Map<UUID, Set<UUID>> found = new java.util.HashMap<>();
            for (UUID id : new LinkedHashSet<>(ids)) {
                Set<UUID> acting = new HashSet<>();
                Set<UUID> predecessors = loaded.get(id);
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

    /** Predecessors per id, and every collective's members when they were read with them (else null). */
    private record Lineages(Map<UUID, Set<UUID>> predecessors, Map<UUID, Set<UUID>> collectives) {
    }

    /**
     * Per id its predecessors (empty when none or unknown): the cached ones, the others loaded in one request of
     * {@code predecessors(ids:)} lists, one statement in org-service for any number of ids (with the collectives if asked). Answered from what was read, not from the cache afterwards: a subtree's thousands of ids
     * outnumber the cache's entries, and an entry evicted in between would lose its predecessors.
     */
    private Uni<Lineages> lineagesOf(Collection<UUID> ids, boolean withCollectives) {
        Map<UUID, Set<UUID>> found = new java.util.HashMap<>();
        List<UUID> missing = new java.util.ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            Optional<Set<UUID>> cached = lineages.getIfPresent(id);
            if (cached == null) {
                missing.add(id);
            } else {
                found.put(id, cached.orElse(Set.of()));
            }
        }
        if (missing.isEmpty() && !withCollectives) {
            return Uni.createFrom().item(new Lineages(found, null));
        }
        JsonObject variables = idLists(missing, OrgOperations.SUCCESSOR_IDS_PER_LIST);
        int lists = variables.size();
        long asked = generation.get();
        return post(OrgOperations.predecessors(lists, withCollectives), variables).map(data -> {
            Map<UUID, Set<UUID>> read = new java.util.HashMap<>();
            for (int l = 0; l < lists; l++) {
                if (data.get("l" + l) instanceof jakarta.json.JsonArray list) {
                    list.forEach(v -> read.computeIfAbsent(UUID.fromString(v.asJsonObject().getString("id")), k -> new HashSet<>())
                            .add(UUID.fromString(v.asJsonObject().getString("predecessorId"))));
                }
            }
            for (UUID id : missing) {
                Set<UUID> predecessors = Set.copyOf(read.getOrDefault(id, Set.of()));
                keep(lineages, id, Optional.of(predecessors), asked);
                found.put(id, predecessors);
            }
            return new Lineages(found, withCollectives ? readCollectives(data, asked) : null);
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

    /** Every collective's members as read (under {@code cs}), kept unless the caches were emptied since {@code asked}. */
    private Map<UUID, Set<UUID>> readCollectives(JsonObject data, long asked) {
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
        Map<UUID, Set<UUID>> read = Map.copyOf(byCollective);
        keep(collectives, ALL, Optional.of(read), asked);
        return read;
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

    /** The subtrees of {@code codes}, in one request that also brings the collectives when they are not cached. */
    private Uni<Map<String, Optional<Subtree>>> fetchSubtrees(List<String> codes) {
        boolean withCollectives = collectives.getIfPresent(ALL) == null;
        long asked = generation.get();
        return postForKeys("code", "String", codes, OrgOperations.SCOPE, withCollectives).map(data -> {
            Map<String, Optional<Subtree>> found = new java.util.HashMap<>();
            for (int i = 0; i < codes.size(); i++) {
                JsonValue org = data.get("o" + i);
                Subtree tree = UNKNOWN;
                if (org instanceof JsonObject known) {
                    UUID id = UUID.fromString(known.getString("id"));
                    Set<UUID> below = new HashSet<>(List.of(id));
                    addIds(known, below);
                    Set<UUID> predecessors = predecessors(known);
                    tree = new Subtree(id, Set.copyOf(below), predecessors);
                    keep(lineages, id, Optional.ofNullable(predecessors), asked);
                }
                found.put(codes.get(i), Optional.of(tree));
            }
            if (withCollectives) {
                readCollectives(data, asked);
            }
            return found;
        });
    }

    private Uni<Map<UUID, String>> fetchExisting(List<UUID> ids) {
        long asked = generation.get();
        return postForIds(ids, OrgOperations.NAMES, false).map(data -> {
            Map<UUID, String> found = new java.util.HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                String name = null;
                if (data.get("o" + i) instanceof JsonObject org) {
                    String shortName = org.containsKey("shortName") && !org.isNull("shortName") ? org.getString("shortName") : null;
                    name = shortName != null ? shortName : org.getString("name");
                    found.put(ids.get(i), name);
                }
                keep(known, ids.get(i), Optional.ofNullable(name), asked);
            }
            return found;
        });
    }

    @Override
    public Uni<Map<UUID, UUID>> currentSuccessorOf(Collection<UUID> ids) {
        return confirmFresh().chain(() -> currentSuccessorsNow(ids));
    }

    private Uni<Map<UUID, UUID>> currentSuccessorsNow(Collection<UUID> ids) {
        Map<UUID, UUID> found = new java.util.HashMap<>();
        List<UUID> missing = new java.util.ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            Optional<UUID> heir = heirs.getIfPresent(id);
            if (heir == null) {
                missing.add(id);
            } else if (heir.isPresent() && !heir.get().equals(id)) {
                found.put(id, heir.get());
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(Map.copyOf(found));
        }
        return fetchCurrentSuccessors(missing).map(replaced -> {
            found.putAll(replaced);
            return Map.copyOf(found);
        });
    }

    /**
     * One request for any number of ids ({@link OrgOperations#currentSuccessors}); org-service answers only the replaced
     * ones, so every id it does not list is cached as its own heir (not replaced, or unknown). The answer is returned
     * as read, not looked up in the cache again: a dashboard's leads (18,000 at a province's scale) outnumber the
     * cache's entries, and an entry evicted in between would lose its successor.
     */
    private Uni<Map<UUID, UUID>> fetchCurrentSuccessors(List<UUID> ids) {
        JsonObject variables = idLists(ids, OrgOperations.SUCCESSOR_IDS_PER_LIST);
        int lists = variables.size();
        long asked = generation.get();
        return post(OrgOperations.currentSuccessors(lists), variables).map(data -> {
            Map<UUID, UUID> replaced = new java.util.HashMap<>();
            for (int l = 0; l < lists; l++) {
                if (data.get("l" + l) instanceof jakarta.json.JsonArray list) {
                    list.forEach(v -> replaced.put(UUID.fromString(v.asJsonObject().getString("id")),
                            UUID.fromString(v.asJsonObject().getString("successorId"))));
                }
            }
            ids.forEach(id -> keep(heirs, id, Optional.of(replaced.getOrDefault(id, id)), asked));
            return replaced;
        });
    }

    /** Adds the ids of {@code org}'s {@code descendantIds} to {@code into}. */
    private static void addIds(JsonObject org, Set<UUID> into) {
        if (org.get("descendantIds") instanceof jakarta.json.JsonArray ids) {
            ids.forEach(id -> into.add(UUID.fromString(((jakarta.json.JsonString) id).getString())));
        }
    }

    @Override
    public Uni<Set<UUID>> subtreeOf(UUID orgId) {
        return confirmFresh().chain(() -> subtreeNow(orgId));
    }

    private Uni<Set<UUID>> subtreeNow(UUID orgId) {
        Optional<Set<UUID>> cached = subtreesById.getIfPresent(orgId);
        if (cached != null) {
            return Uni.createFrom().item(cached.orElse(Set.of()));
        }
        long asked = generation.get();
        return postForKeys("id", "ID", List.of(orgId.toString()), OrgOperations.SUBTREE, false).map(data -> {
            Set<UUID> all = new HashSet<>();
            if (data.get("o0") instanceof JsonObject org) {
                all.add(UUID.fromString(org.getString("id")));
                addIds(org, all);
            }
            keep(subtreesById, orgId, Optional.of(Set.copyOf(all)), asked);
            return Set.copyOf(all);
        });
    }

    @Override
    public Uni<Set<UUID>> territoryOf(UUID issuer) {
        return confirmFresh().chain(() -> territoryNow(issuer));
    }

    private Uni<Set<UUID>> territoryNow(UUID issuer) {
        Optional<UUID> cached = governments.getIfPresent(issuer);
        long asked = generation.get();
        Uni<UUID> government = cached != null ? Uni.createFrom().item(cached.orElse(issuer))
                : client.lookup("org-service (the issuer's government)", OrgOperations.KIND_AND_ANCESTORS,
                        Json.createObjectBuilder().add("i", issuer.toString()).build()).map(data -> {
                            UUID found = issuer;
                            if (data.get("organization") instanceof JsonObject org && !"GOVERNMENT".equals(org.getString("kind", ""))) {
                                // ancestors come root first: the last government is the nearest
                                for (var ancestor : org.getJsonArray("ancestors")) {
                                    if ("GOVERNMENT".equals(ancestor.asJsonObject().getString("kind", ""))) {
                                        found = UUID.fromString(ancestor.asJsonObject().getString("id"));
                                    }
                                }
                            }
                            keep(governments, issuer, Optional.of(found), asked);
                            return found;
                        });
        return government.chain(this::subtreeNow);
    }

    /**
     * The organizations of {@code ids} (replaced ones too) with {@code selection}, keyed {@code o<i>} by their position in
     * {@code ids} (absent when org-service does not know it). One request, one organizations(ids:) list per
     * {@value OrgOperations#IDS_PER_LIST} ids, so org-service reads each list, and each nesting level below it, in one
     * statement however many organizations are asked (a dashboard's leads number thousands at a province's scale).
     */
    private Uni<JsonObject> postForIds(List<UUID> ids, String selection, boolean withCollectives) {
        JsonObject variables = idLists(ids, OrgOperations.IDS_PER_LIST);
        int lists = variables.size();
        return post(OrgOperations.byIdLists(lists, selection, withCollectives), variables).map(data -> {
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

    /** The variables {@code l0}, {@code l1}, … of {@code ids} in lists of at most {@code perList}. */
    private static JsonObject idLists(List<UUID> ids, int perList) {
        JsonObjectBuilder variables = Json.createObjectBuilder();
        for (int l = 0; l * perList < ids.size(); l++) {
            var chunk = Json.createArrayBuilder();
            ids.subList(l * perList, Math.min(ids.size(), (l + 1) * perList)).forEach(id -> chunk.add(id.toString()));
            variables.add("l" + l, chunk);
        }
        return variables.build();
    }

    /** {@link OrgOperations#byKeys}: one request for many organizations, the answer for the i-th key under {@code o<i>}. */
    private Uni<JsonObject> postForKeys(String argument, String type, List<String> keys, String selection, boolean withCollectives) {
        String variable = argument.substring(0, 1);
        JsonObjectBuilder variables = Json.createObjectBuilder();
        for (int i = 0; i < keys.size(); i++) {
            variables.add(variable + i, keys.get(i));
        }
        return post(OrgOperations.byKeys(argument, type, keys.size(), selection, withCollectives), variables.build());
    }

    /** A permission look-up: when org-service cannot answer, the write it guards is not made (UNAVAILABLE). */
    private Uni<JsonObject> post(String query, JsonObject variables) {
        return client.lookup(OrgServiceClient.WHAT, query, variables);
    }

    /** The cached value, or null when none is cached, it expired, or org-service answered "no such organization". */
    private static <K, V> V cached(Cache<K, Optional<V>> cache, K key) {
        Optional<V> value = cache.getIfPresent(key);
        return value == null ? null : value.orElse(null);
    }
}
