package gov.planning.plan.org;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * What plan-service needs to know about org-service's tree: which organizations a token's org codes stand for,
 * which are below them (for "their org or an org below it", docs/domain.md §4), for which others they act (a reform's
 * predecessors, the collectives they are members of), and whether an id exists at all.
 * org-service owns the tree; this service never copies it, it asks (see {@link GraphQLOrgDirectory}).
 */
public interface OrgDirectory {

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

    Uni<OrgScope> scopeOf(Collection<String> codes);

    /** The subset of {@code ids} that org-service knows. */
    Uni<Set<UUID>> existing(Collection<UUID> ids);

    /** Display names (short name, else full name) of the organizations org-service knows among {@code ids}. */
    Uni<java.util.Map<UUID, String>> names(Collection<UUID> ids);

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
}
