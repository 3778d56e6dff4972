package gov.planning.org.naming;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.org.entity.Organization;
import gov.planning.org.repository.OrganizationRepository;
import io.smallrye.mutiny.Uni;

/**
 * The in-memory snapshot of the tree that name resolution reads: an import resolves hundreds of names and must not
 * query per name. Writes of this instance drop it at once ({@link #invalidate()}); the next read rebuilds it with
 * one query. Another replica's writes are seen after its own writes or a restart — acceptable for reference data
 * that changes a few times a year.
 */
@ApplicationScoped
public class OrgDirectory {

    public record Snapshot(OrgTree tree, OrgNameResolver resolver) {
    }

    @Inject
    OrganizationRepository organizations;

    private volatile Snapshot current;
    private final AtomicLong generation = new AtomicLong();

    public Uni<Snapshot> snapshot() {
        Snapshot snapshot = current;
        if (snapshot != null) {
            return Uni.createFrom().item(snapshot);
        }
        long loading = generation.get();
        return organizations.all().map(orgs -> {
            OrgTree tree = new OrgTree(orgs.stream().map(OrgDirectory::node).toList());
            Snapshot built = new Snapshot(tree, new OrgNameResolver(tree));
            // A write that committed while this was loading may be missing from it: use it once, do not keep it.
            if (generation.get() == loading) {
                current = built;
            }
            return built;
        });
    }

    public void invalidate() {
        generation.incrementAndGet();
        current = null;
    }

    public static OrgNode node(Organization org) {
        return new OrgNode(org.id, org.code, org.name, org.shortName, org.aliases == null ? List.of() : List.of(org.aliases),
                org.kind, org.level, org.region, org.parentId, org.validFrom, org.validTo, org.successorId, org.version);
    }
}
