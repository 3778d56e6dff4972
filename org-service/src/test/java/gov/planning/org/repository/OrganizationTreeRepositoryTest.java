package gov.planning.org.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.org.entity.OrgKind;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.service.OrganizationService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Ancestors (one recursive query) and descendants (the tree's snapshot) over a tree of thousands of nodes: right sets. */
@QuarkusTest
class OrganizationTreeRepositoryTest {

    private static final int NODES = 3000;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationService service;

    @Inject
    Pool pool;

    /** Node i's parent is (i - 1) / 3: a ternary tree about eight levels deep; odd nodes are agencies. */
    private static int parent(int i) {
        return (i - 1) / 3;
    }

    private static Set<Integer> descendantsOf(int node) {
        Set<Integer> found = new HashSet<>();
        for (int i = 1; i < NODES; i++) {
            for (int p = i; p > 0; p = parent(p)) {
                if (parent(p) == node) {
                    found.add(i);
                    break;
                }
            }
        }
        return found;
    }

    @Test
    void descendantsAndAncestorsOfAThreeThousandNodeTree() throws Throwable {
        UUID[] ids = new UUID[NODES];
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            ids[i] = UUID.randomUUID();
            rows.add(Tuple.of(ids[i], "tree-" + i, "树节点" + i, i % 2 == 1 ? "AGENCY" : "DEPARTMENT",
                    i == 0 ? null : ids[parent(i)]));
        }
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(
                "INSERT INTO organization (id, code, name, kind, parent_id) VALUES ($1, $2, $3, $4, $5)").executeBatch(rows));

        int[] roots = { 0, 4, 40 };
        var found = VertxContextSupport.subscribeAndAwait(() -> service.descendants(List.of(ids[0], ids[4], ids[40]), null, null));
        for (int root : roots) {
            Set<String> expected = new HashSet<>();
            descendantsOf(root).forEach(i -> expected.add("tree-" + i));
            List<OrgNode> got = found.get(ids[root]);
            assertThat(got).extracting(OrgNode::code).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(found.get(ids[0])).hasSize(NODES - 1);

        var agencies = VertxContextSupport.subscribeAndAwait(() -> service.descendants(List.of(ids[4]), OrgKind.AGENCY, null));
        Set<String> expectedAgencies = new HashSet<>();
        descendantsOf(4).stream().filter(i -> i % 2 == 1).forEach(i -> expectedAgencies.add("tree-" + i));
        assertThat(agencies.get(ids[4])).extracting(OrgNode::code).containsExactlyInAnyOrderElementsOf(expectedAgencies);

        int leaf = NODES - 1;
        var ancestors = VertxContextSupport.subscribeAndAwait(() -> organizations.ancestors(List.of(ids[leaf], ids[0], ids[5])));
        List<String> chain = new ArrayList<>();
        for (int p = parent(leaf); ; p = parent(p)) {
            chain.add(0, "tree-" + p);
            if (p == 0) {
                break;
            }
        }
        // From the root down to the parent.
        assertThat(ancestors.get(ids[leaf])).extracting(o -> o.code).containsExactlyElementsOf(chain);
        assertThat(ancestors.get(ids[5])).extracting(o -> o.code).containsExactly("tree-0", "tree-1");
        assertThat(ancestors.getOrDefault(ids[0], List.of())).isEmpty();
    }
}
