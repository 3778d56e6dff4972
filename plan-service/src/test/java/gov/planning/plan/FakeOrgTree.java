package gov.planning.plan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import gov.planning.orgclient.InMemoryOrganizationTree;
import gov.planning.orgclient.OrganizationTree;
import io.quarkus.hibernate.reactive.panache.common.runtime.SessionOperations;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The org tree the tests run against, in place of org-service (replaces the default {@link OrganizationTree} bean):
 * <pre>
 * nmg 自治区人民政府
 *   nmg.zjt 住建厅, nmg.fgw 发改委, nmg.gat 公安厅, nmg.jyt 教育厅
 *   nmg.hhht 呼和浩特市人民政府
 *     nmg.hhht.zjj 呼和浩特市住建局
 *     nmg.hhht.slq 示例旗人民政府 (a banner without departments: {@link FakeOrgTreeClient})
 *   nmg.bt 包头市人民政府
 *   nmg.mengshi-govs 各盟行政公署、市人民政府 (COLLECTIVE; members: nmg.hhht, nmg.bt)
 *   nmg.gtzyt 国土资源厅 (replaced in 2018; successor nmg.zrzyt)
 *   nmg.zrzyt 自然资源厅
 * gx 广西壮族自治区人民政府
 *   gx.zjt 广西住建厅
 * </pre>
 * Like org-service, a collective's members are its current members, and predecessors are followed transitively.
 */
@Singleton
public class FakeOrgTree extends InMemoryOrganizationTree {

    static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("nmg.zjt", "nmg"), Map.entry("nmg.fgw", "nmg"), Map.entry("nmg.gat", "nmg"), Map.entry("nmg.jyt", "nmg"),
            Map.entry("nmg.hhht", "nmg"), Map.entry("nmg.hhht.zjj", "nmg.hhht"), Map.entry("gx.zjt", "gx"),
            Map.entry("nmg.bt", "nmg"), Map.entry("nmg.mengshi-govs", "nmg"), Map.entry("nmg.gtzyt", "nmg"),
            Map.entry("nmg.zrzyt", "nmg"), Map.entry("nmg.hhht.slq", "nmg.hhht"));
    static final List<String> ROOTS = List.of("nmg", "gx");
    static final Set<String> GOVERNMENTS = Set.of("nmg", "gx", "nmg.hhht", "nmg.bt", "nmg.hhht.slq");
    /** Collective → its members. */
    static final Map<String, List<String>> MEMBERS = Map.of("nmg.mengshi-govs", List.of("nmg.hhht", "nmg.bt"));
    /** Predecessor → successor (a reform). */
    static final Map<String, String> SUCCESSOR = Map.of("nmg.gtzyt", "nmg.zrzyt");

    public FakeOrgTree() {
        super(PARENT, ROOTS, GOVERNMENTS, MEMBERS, SUCCESSOR);
    }

    /** How often org-service was asked, and what was asked while the caller held a database session ({@link #asked}). */
    static final AtomicInteger ASKED = new AtomicInteger();
    static final List<String> ASKED_IN_SESSION = new CopyOnWriteArrayList<>();

    /**
     * Notes a call to org-service, and whether the caller held a Hibernate Reactive session meanwhile (inside
     * {@code @WithTransaction} or {@code withSession}): such a session keeps its pooled connection, and its transaction
     * its locks, for as long as org-service takes to answer (issue #19, item 2).
     */
    private static <T> Uni<T> asked(String what, Supplier<Uni<T>> answer) {
        return Uni.createFrom().deferred(() -> {
            ASKED.incrementAndGet();
            if (Vertx.currentContext() != null) {
                var session = SessionOperations.getCurrentSession("<default>");
                if (session != null) {
                    ASKED_IN_SESSION.add(what + (session.currentTransaction() != null ? " in a transaction" : " in a session"));
                }
            }
            return answer.get();
        });
    }

    @Override
    public Uni<OrgScope> scopeOf(Collection<String> codes) {
        return asked("scopeOf", () -> super.scopeOf(codes));
    }

    @Override
    public Uni<Set<UUID>> subtreeOf(UUID orgId) {
        return asked("subtreeOf", () -> super.subtreeOf(orgId));
    }

    @Override
    public Uni<Set<UUID>> territoryOf(UUID issuer) {
        return asked("territoryOf", () -> super.territoryOf(issuer));
    }

    @Override
    public Uni<Map<UUID, Set<UUID>>> predecessorsOf(Collection<UUID> ids) {
        return asked("predecessorsOf", () -> super.predecessorsOf(ids));
    }

    @Override
    public Uni<Map<UUID, Set<UUID>>> actingFor(Collection<UUID> ids) {
        return asked("actingFor", () -> super.actingFor(ids));
    }

    @Override
    public Uni<Map<UUID, UUID>> currentSuccessorOf(Collection<UUID> ids) {
        return asked("currentSuccessorOf", () -> super.currentSuccessorOf(ids));
    }

    @Override
    public Uni<Map<UUID, String>> names(Collection<UUID> ids) {
        return asked("names", () -> super.names(ids));
    }

    @Override
    public Uni<Set<UUID>> existing(Collection<UUID> ids) {
        return asked("existing", () -> super.existing(ids));
    }
}
