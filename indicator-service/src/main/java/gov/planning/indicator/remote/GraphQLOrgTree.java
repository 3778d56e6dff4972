package gov.planning.indicator.remote;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import gov.planning.common.remote.ServiceGraphQL;
import gov.planning.common.remote.TtlCache;
import gov.planning.indicator.security.OrgTree;
import io.smallrye.mutiny.Uni;

/**
 * org-service's tree through its GraphQL API ({@code planning.org-service.url}), as plan-service's
 * {@code GraphQLOrgDirectory} does: one request per look-up, each key an alias of {@code organization(code:)} or
 * {@code organization(id:)}, with {@code descendants { id }} (one recursive query in org-service) bringing the whole
 * subtree in the same answer. Tests replace this bean with a fake tree.
 */
@ApplicationScoped
public class GraphQLOrgTree implements OrgTree {

    @Inject
    ServiceGraphQL graphql;

    @ConfigProperty(name = "planning.lookup.timeout", defaultValue = "PT5S")
    Duration timeout;

    @ConfigProperty(name = "planning.org-service.url")
    String url;

    @ConfigProperty(name = "planning.lookup.cache-ttl", defaultValue = "PT1M")
    Duration ttl;

    /** Per code or id (as text): the organization's id and its subtree (itself included); empty when unknown. */
    private TtlCache<String, Subtree> subtrees;
    private TtlCache<UUID, UUID> governments;

    private record Subtree(UUID id, Set<UUID> ownAndBelow) {
    }

    @PostConstruct
    void init() {
        subtrees = new TtlCache<>(ttl);
        governments = new TtlCache<>(ttl);
    }

    @Override
    public Uni<Reach> reachOf(Collection<String> codes) {
        return load("code", "String", new LinkedHashSet<>(codes)).map(found -> {
            Set<UUID> own = new HashSet<>();
            Set<UUID> below = new HashSet<>();
            for (String code : new LinkedHashSet<>(codes)) {
                Optional<Subtree> tree = subtrees.get("code:" + code);
                if (tree != null && tree.isPresent()) {
                    own.add(tree.get().id());
                    below.addAll(tree.get().ownAndBelow());
                }
            }
            return new Reach(Set.copyOf(own), Set.copyOf(below));
        });
    }

    @Override
    public Uni<Set<UUID>> subtreeOf(UUID orgId) {
        return load("id", "ID", Set.of(orgId.toString())).map(found -> {
            Optional<Subtree> tree = subtrees.get("id:" + orgId);
            return tree == null || tree.isEmpty() ? Set.<UUID>of() : tree.get().ownAndBelow();
        });
    }

    @Override
    public Uni<Set<UUID>> unknownOf(Collection<UUID> ids) {
        // the subtrees come along (cached, as regions are looked up the same way)
        Set<String> keys = new LinkedHashSet<>();
        ids.forEach(id -> keys.add(id.toString()));
        return load("id", "ID", keys).map(found -> {
            Set<UUID> unknown = new HashSet<>();
            for (UUID id : ids) {
                Optional<Subtree> tree = subtrees.get("id:" + id);
                if (tree == null || tree.isEmpty()) {
                    unknown.add(id);
                }
            }
            return Set.copyOf(unknown);
        });
    }

    @Override
    public Uni<Set<UUID>> territoryOf(UUID issuer) {
        Optional<UUID> cached = governments.get(issuer);
        Uni<UUID> government = cached != null ? Uni.createFrom().item(cached.orElse(issuer))
                : graphql.lookup(url, "org-service (the issuer's government)",
                        "query($i: ID) { organization(id: $i) { id kind ancestors { id kind } } }",
                        Json.createObjectBuilder().add("i", issuer.toString()).build(), timeout).map(data -> {
                            UUID found = issuer;
                            if (data.get("organization") instanceof JsonObject org && !"GOVERNMENT".equals(org.getString("kind", ""))) {
                                // ancestors come root first: the last government is the nearest
                                for (var ancestor : org.getJsonArray("ancestors")) {
                                    if ("GOVERNMENT".equals(ancestor.asJsonObject().getString("kind", ""))) {
                                        found = UUID.fromString(ancestor.asJsonObject().getString("id"));
                                    }
                                }
                            }
                            governments.put(issuer, found);
                            return found;
                        });
        return government.chain(this::subtreeOf);
    }

    /** Fetches the keys not freshly cached, all in one request. */
    private Uni<Void> load(String argument, String type, Set<String> keys) {
        List<String> missing = keys.stream().filter(k -> subtrees.get(argument + ":" + k) == null).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder query = new StringBuilder("query(");
        StringBuilder body = new StringBuilder();
        JsonObjectBuilder variables = Json.createObjectBuilder();
        for (int i = 0; i < missing.size(); i++) {
            query.append(i == 0 ? "" : ", ").append("$k").append(i).append(": ").append(type);
            body.append(" o").append(i).append(": organization(").append(argument).append(": $k").append(i)
                    .append(") { id descendants { id } }");
            variables.add("k" + i, missing.get(i));
        }
        query.append(") {").append(body).append(" }");
        return graphql.lookup(url, "org-service (organization tree)", query.toString(), variables.build(), timeout).map(data -> {
            for (int i = 0; i < missing.size(); i++) {
                Subtree tree = null;
                if (data.get("o" + i) instanceof JsonObject org) {
                    UUID id = UUID.fromString(org.getString("id"));
                    Set<UUID> all = new HashSet<>();
                    all.add(id);
                    org.getJsonArray("descendants").forEach(d -> all.add(UUID.fromString(d.asJsonObject().getString("id"))));
                    tree = new Subtree(id, Set.copyOf(all));
                }
                subtrees.put(argument + ":" + missing.get(i), tree);
            }
            return null;
        });
    }
}
