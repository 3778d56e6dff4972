package gov.planning.orgclient;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The organization tree the services' tests run against, in place of org-service: each service's tests give it their
 * tree (codes with parents, governments, collectives' members, reforms) and extend it as a CDI bean. Ids are derived
 * from the codes ({@link #id}); display names are the codes prefixed with 单位:, so a test can tell them from ids. Like
 * org-service, a collective's members are its current members, predecessors are followed transitively, and an
 * organization's territory is its nearest government's subtree. A test can make org-service slow for one user
 * ({@link #slowFor}).
 */
public class InMemoryOrganizationTree implements OrganizationTree {

    /** Look-ups of a user's organizations held back until a test lets them answer ({@link #slowFor}). */
    private static final Map<String, CompletableFuture<Void>> HELD = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> WAITING = new ConcurrentHashMap<>();

    private final Map<String, String> parent;
    private final Collection<String> roots;
    private final Set<String> governments;
    private final Map<String, List<String>> members;
    private final Map<String, String> successor;

    /**
     * @param parent      code → parent code; may be a live map a test adds organizations to
     * @param governments codes of governments (territories); others belong to their nearest government's
     * @param members     collective code → its members' codes
     * @param successor   predecessor code → successor code (a reform)
     */
    public InMemoryOrganizationTree(Map<String, String> parent, Collection<String> roots, Set<String> governments,
            Map<String, List<String>> members, Map<String, String> successor) {
        this.parent = parent;
        this.roots = roots;
        this.governments = governments;
        this.members = members;
        this.successor = successor;
    }

    /**
     * From now on, org-service answers the look-up of a user of {@code code} only once the returned future completes
     * (a slow org-service for that user); {@link #waiting} tells when such a look-up is waiting.
     */
    public static CompletableFuture<Void> slowFor(String code) {
        WAITING.put(code, new CountDownLatch(1));
        CompletableFuture<Void> held = new CompletableFuture<>();
        held.whenComplete((v, e) -> HELD.remove(code));
        HELD.put(code, held);
        return held;
    }

    /** Counted down when a look-up of a user of {@code code} waits on a slow org-service ({@link #slowFor}). */
    public static CountDownLatch waiting(String code) {
        return WAITING.get(code);
    }

    public static UUID id(String code) {
        return UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8));
    }

    public static String ids(String code) {
        return id(code).toString();
    }

    public Set<String> allCodes() {
        Set<String> all = new HashSet<>(parent.keySet());
        all.addAll(roots);
        return all;
    }

    public boolean isAtOrBelow(String code, String ancestor) {
        for (String c = code; c != null; c = parent.get(c)) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private Set<UUID> atOrBelow(Collection<String> codes) {
        return allCodes().stream().filter(c -> codes.stream().anyMatch(k -> isAtOrBelow(c, k))).map(InMemoryOrganizationTree::id)
                .collect(Collectors.toSet());
    }

    private String codeOf(UUID id) {
        return allCodes().stream().filter(c -> id(c).equals(id)).findFirst().orElse(null);
    }

    @Override
    public Uni<OrgScope> scopeOf(Collection<String> codes) {
        CompletableFuture<Void> held = codes.stream().map(HELD::get).filter(Objects::nonNull).findFirst().orElse(null);
        if (held == null) {
            return Uni.createFrom().item(() -> scope(codes));
        }
        return Uni.createFrom().deferred(() -> {
            codes.stream().map(WAITING::get).filter(Objects::nonNull).forEach(CountDownLatch::countDown);
            // The answer comes back on the caller's Vert.x context, as org-client's does (Hibernate Reactive needs it).
            Context context = Vertx.currentContext();
            Uni<OrgScope> answer = Uni.createFrom().completionStage(held).map(v -> scope(codes));
            return context == null ? answer : answer.emitOn(r -> context.runOnContext(v -> r.run()));
        });
    }

    private OrgScope scope(Collection<String> codes) {
        Set<String> known = codes.stream().filter(allCodes()::contains).collect(Collectors.toSet());
        Set<UUID> own = known.stream().map(InMemoryOrganizationTree::id).collect(Collectors.toSet());
        Set<UUID> acting = new HashSet<>(own);
        for (String code : known) {
            actingFor(code).forEach(c -> acting.add(id(c)));
        }
        return new OrgScope(own, atOrBelow(known), acting);
    }

    @Override
    public Uni<Set<UUID>> subtreeOf(UUID orgId) {
        String code = codeOf(orgId);
        return Uni.createFrom().item(code == null ? Set.of() : atOrBelow(Set.of(code)));
    }

    @Override
    public Uni<Set<UUID>> territoryOf(UUID issuer) {
        String code = codeOf(issuer);
        while (code != null && !governments.contains(code)) {
            code = parent.get(code);
        }
        return code == null ? subtreeOf(issuer) : subtreeOf(id(code));
    }

    /** The codes {@code code} took over from, transitively. */
    public Set<String> predecessors(String code) {
        Set<String> found = new HashSet<>();
        successor.forEach((predecessor, heir) -> {
            if (heir.equals(code) && found.add(predecessor)) {
                found.addAll(predecessors(predecessor));
            }
        });
        return found;
    }

    /** The codes {@code code} acts for: its predecessors and the collectives it is a member of. */
    public Set<String> actingFor(String code) {
        Set<String> found = predecessors(code);
        members.forEach((collective, ms) -> {
            if (ms.contains(code)) {
                found.add(collective);
            }
        });
        return found;
    }

    private Uni<Map<UUID, Set<UUID>>> byId(Collection<UUID> ids, Function<String, Set<String>> of) {
        Map<UUID, Set<UUID>> found = new HashMap<>();
        for (String code : allCodes()) {
            Set<String> related = of.apply(code);
            if (ids.contains(id(code)) && !related.isEmpty()) {
                found.put(id(code), related.stream().map(InMemoryOrganizationTree::id).collect(Collectors.toSet()));
            }
        }
        return Uni.createFrom().item(found);
    }

    @Override
    public Uni<Map<UUID, Set<UUID>>> predecessorsOf(Collection<UUID> ids) {
        return byId(ids, this::predecessors);
    }

    @Override
    public Uni<Map<UUID, Set<UUID>>> actingFor(Collection<UUID> ids) {
        return byId(ids, this::actingFor);
    }

    @Override
    public Uni<Map<UUID, UUID>> currentSuccessorOf(Collection<UUID> ids) {
        Map<UUID, UUID> found = new HashMap<>();
        for (String code : successor.keySet()) {
            String heir = code;
            while (successor.containsKey(heir)) {
                heir = successor.get(heir);
            }
            if (ids.contains(id(code))) {
                found.put(id(code), id(heir));
            }
        }
        return Uni.createFrom().item(found);
    }

    @Override
    public Uni<Map<UUID, String>> names(Collection<UUID> ids) {
        return Uni.createFrom().item(allCodes().stream().filter(c -> ids.contains(id(c)))
                .collect(Collectors.toMap(InMemoryOrganizationTree::id, c -> "单位:" + c)));
    }

    @Override
    public Uni<Set<UUID>> existing(Collection<UUID> ids) {
        Set<UUID> all = allCodes().stream().map(InMemoryOrganizationTree::id).collect(Collectors.toSet());
        return Uni.createFrom().item(ids.stream().filter(all::contains).collect(Collectors.toSet()));
    }
}
