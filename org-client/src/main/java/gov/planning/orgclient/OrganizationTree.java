package gov.planning.orgclient;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * org-service's organization tree as the other services' permission rules and checks see it: which organizations a
 * token's org codes stand for, which are below them (docs/domain.md §4: "their org or an org below it"), for which
 * others they act (a reform's predecessors, the collectives they are members of), a plan issuer's territory, and which
 * ids exist. org-service owns the tree; the other services never copy it, they ask ({@link GraphQLOrganizationTree}).
 */
public interface OrganizationTree {

    /**
     * The organizations of the given codes ({@code own}); those plus every organization below them
     * ({@code ownAndBelow}); and those plus every organization they act for ({@code actingFor}): their predecessors
     * (any number of reforms back: a task assigned to 国土资源厅 is 自然资源厅's now) and the collectives they are
     * current members of (docs/domain.md §3: each member may act on what is assigned to the collective, e.g. a 盟行政公署
     * for 各盟行政公署、市人民政府).
     */
    record OrgScope(Set<UUID> own, Set<UUID> ownAndBelow, Set<UUID> actingFor) {
        public static final OrgScope EMPTY = new OrgScope(Set.of(), Set.of(), Set.of());

        /** A scope whose organizations act for no one else. */
        public OrgScope(Set<UUID> own, Set<UUID> ownAndBelow) {
            this(own, ownAndBelow, own);
        }
    }

    /** Unknown codes contribute nothing. */
    Uni<OrgScope> scopeOf(Collection<String> codes);

    /** The organization and every organization below it; empty when org-service does not know the id. */
    Uni<Set<UUID>> subtreeOf(UUID orgId);

    /**
     * The region a plan of this issuer covers: the subtree of the issuer's government (the issuer itself when it is
     * one). A plan is often issued by a government's general office (示例市人民政府办公室) while its regions are under
     * the government itself.
     */
    Uni<Set<UUID>> territoryOf(UUID issuer);

    /** The subset of {@code ids} that org-service knows. */
    Uni<Set<UUID>> existing(Collection<UUID> ids);

    /** Display names (short name, else full name) of the organizations org-service knows among {@code ids}. */
    Uni<Map<UUID, String>> names(Collection<UUID> ids);

    /**
     * Per id: the organizations it took over from, transitively (a successor's tasks include its predecessors').
     * Ids without predecessors, or unknown, may be missing from the map.
     */
    Uni<Map<UUID, Set<UUID>>> predecessorsOf(Collection<UUID> ids);

    /**
     * Per id: every organization it acts for — its predecessors (transitively) and the collectives it is a current
     * member of. Used to accept a report in the member's or successor's own name on a task of the organization it
     * acts for. Ids acting for no one may be missing from the map.
     */
    Uni<Map<UUID, Set<UUID>>> actingFor(Collection<UUID> ids);

    /**
     * Per id a reform replaced: the organization that carries its responsibilities today (the last successor, any
     * number of reforms on). Ids not replaced, or unknown, are missing from the map.
     */
    Uni<Map<UUID, UUID>> currentSuccessorOf(Collection<UUID> ids);

    default Uni<Set<UUID>> idsOfCodesAndDescendants(Collection<String> codes) {
        return scopeOf(codes).map(OrgScope::ownAndBelow);
    }

    default Uni<Boolean> exists(UUID id) {
        return existing(Set.of(id)).map(found -> found.contains(id));
    }

    /** Those of {@code ids} org-service does not know (empty when it knows them all). */
    default Uni<Set<UUID>> unknownOf(Collection<UUID> ids) {
        return existing(ids).map(known -> {
            Set<UUID> unknown = new HashSet<>(ids);
            unknown.removeAll(known);
            return Set.copyOf(unknown);
        });
    }
}
