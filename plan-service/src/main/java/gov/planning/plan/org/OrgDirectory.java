package gov.planning.plan.org;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * What plan-service needs to know about org-service's tree: which organizations a token's org codes stand for,
 * which are below them (for "their org or an org below it", DOMAIN.md §4), and whether an id exists at all.
 * org-service owns the tree; this service never copies it, it asks (see {@link GraphQLOrgDirectory}).
 */
public interface OrgDirectory {

    /** The organizations of the given codes ({@code own}) and those plus every organization below them. */
    record OrgScope(Set<UUID> own, Set<UUID> ownAndBelow) {
        public static final OrgScope EMPTY = new OrgScope(Set.of(), Set.of());
    }

    Uni<OrgScope> scopeOf(Collection<String> codes);

    /** The subset of {@code ids} that org-service knows. */
    Uni<Set<UUID>> existing(Collection<UUID> ids);

    /** Display names (short name, else full name) of the organizations org-service knows among {@code ids}. */
    Uni<java.util.Map<UUID, String>> names(Collection<UUID> ids);

    default Uni<Set<UUID>> idsOfCodesAndDescendants(Collection<String> codes) {
        return scopeOf(codes).map(OrgScope::ownAndBelow);
    }

    default Uni<Boolean> exists(UUID id) {
        return existing(Set.of(id)).map(found -> found.contains(id));
    }
}
