package gov.planning.indicator.security;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** The part of org-service's organization tree the permission rules need (org-service owns the tree). */
public interface OrgTree {

    /**
     * The organizations of the given codes ({@code own}) and every organization at or below one of them
     * ({@code ownAndBelow}). Unknown codes contribute nothing.
     */
    Uni<Reach> reachOf(Collection<String> codes);

    /** The organization and every organization below it; empty when org-service does not know the id. */
    Uni<Set<UUID>> subtreeOf(UUID orgId);

    /**
     * The region a plan of this issuer covers: the subtree of the issuer's government. A plan is often issued by a
     * government's general office (示例市人民政府办公室) while its regions are under the government itself.
     */
    Uni<Set<UUID>> territoryOf(UUID issuer);

    /** Those of {@code ids} org-service does not know (empty when it knows them all). */
    Uni<Set<UUID>> unknownOf(Collection<UUID> ids);

    record Reach(Set<UUID> own, Set<UUID> ownAndBelow) {
    }
}
