package gov.planning.plan;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import gov.planning.common.error.UnavailableException;
import gov.planning.plan.importing.OrgProposal;
import gov.planning.plan.importing.OrgTreeClient;
import io.smallrye.mutiny.Uni;

/**
 * org-service's tree for the import's proposals: the banner {@value #BANNER} (示例旗人民政府, under 呼和浩特市) has no
 * departments yet; every other organization of {@link FakeOrgTree} belongs to 自治区人民政府 (nmg) or 广西 (gx).
 * Records what an import created, and with which token; {@link #failAfterCreates} lets that many succeed first.
 */
@Singleton
public class FakeOrgTreeClient implements OrgTreeClient {

    static final String BANNER = "nmg.hhht.slq";

    record Created(OrgProposal proposal, String bearer, UUID id) {
    }

    final List<Created> created = new CopyOnWriteArrayList<>();
    volatile int failAfterCreates = -1;

    void reset() {
        created.clear();
        failAfterCreates = -1;
    }

    @Override
    public Uni<Government> governmentOf(String issuerCode) {
        if (issuerCode.startsWith(BANNER)) {
            return Uni.createFrom().item(new Government(FakeOrgTree.id(BANNER), BANNER, "示例旗人民政府", "示例旗", "COUNTY", Set.of()));
        }
        if (issuerCode.startsWith("nmg")) {
            return Uni.createFrom().item(new Government(FakeOrgTree.id("nmg"), "nmg", "内蒙古自治区人民政府", "内蒙古自治区", "PROVINCE",
                    Set.of("nmg.zjt", "nmg.fgw", "nmg.gat", "nmg.jyt")));
        }
        return Uni.createFrom().item(issuerCode.startsWith("gx")
                ? new Government(FakeOrgTree.id("gx"), "gx", "广西壮族自治区人民政府", "广西壮族自治区", "PROVINCE", Set.of("gx.zjt")) : null);
    }

    @Override
    public Uni<UUID> create(String bearer, OrgProposal proposal) {
        if (failAfterCreates >= 0 && created.size() >= failAfterCreates) {
            return Uni.createFrom().failure(new UnavailableException("org-service (creating organization " + proposal.name()
                    + "): could not be reached"));
        }
        UUID id = UUID.randomUUID();
        created.add(new Created(proposal, bearer, id));
        return Uni.createFrom().item(id);
    }
}
