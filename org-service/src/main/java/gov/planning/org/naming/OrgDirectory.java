package gov.planning.org.naming;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.org.entity.Organization;
import gov.planning.org.repository.OrganizationRepository;
import io.smallrye.mutiny.Uni;

/**
 * The in-memory snapshot of the whole tree that name resolution, entity lookups and subtrees read: an import resolves
 * hundreds of names, a dashboard thousands of organizations and a province's scope 20,000, which must cost neither a
 * query per item nor a sort of the table per request (issue #15, docs/decisions/0013). Each read first asks the
 * database for the tree's version (V12: every statement that writes {@code organization}, from any replica or any
 * other writer, bumps it in its transaction) and rebuilds the snapshot with one query when it changed: a committed
 * write is seen by the next read everywhere.
 */
@ApplicationScoped
public class OrgDirectory {

    public record Snapshot(OrgTree tree, OrgNameResolver resolver) {
    }

    private record Versioned(long version, Uni<Snapshot> snapshot) {
    }

    @Inject
    OrganizationRepository organizations;

    /** The newest snapshot built or being built; concurrent readers of the same version share its one load. */
    private volatile Versioned current;

    public Uni<Snapshot> snapshot() {
        return organizations.treeVersion().chain(version -> {
            Versioned known = current;
            if (known != null && known.version() == version) {
                return known.snapshot();
            }
            return load(version);
        });
    }

    private synchronized Uni<Snapshot> load(long version) {
        Versioned known = current;
        if (known != null && known.version() >= version) {
            // loaded meanwhile, or newer already: a reader that saw an older version may use the newer tree
            return known.snapshot();
        }
        // Read after the version: the rows are at least that new. Should a write commit in between, they are newer
        // and the next read, seeing the next version, loads once more.
        Versioned loading = new Versioned(version, organizations.all().map(orgs -> {
            OrgTree tree = new OrgTree(orgs.stream().map(OrgDirectory::node).toList());
            return new Snapshot(tree, new OrgNameResolver(tree));
        }).onFailure().invoke(failure -> forget(version)).memoize().indefinitely());
        current = loading;
        return loading.snapshot();
    }

    /** A failed load is not kept: the next read tries again. */
    private synchronized void forget(long version) {
        if (current != null && current.version() == version) {
            current = null;
        }
    }

    public static OrgNode node(Organization org) {
        return new OrgNode(org.id, org.code, org.name, org.shortName, org.aliases == null ? List.of() : List.of(org.aliases),
                org.kind, org.level, org.region, org.parentId, org.validFrom, org.validTo, org.successorId, org.version);
    }
}
