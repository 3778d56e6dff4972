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

    record Reach(Set<UUID> own, Set<UUID> ownAndBelow) {
    }
}
