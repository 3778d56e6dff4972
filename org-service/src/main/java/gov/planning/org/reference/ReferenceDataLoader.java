package gov.planning.org.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditSnapshot;
import gov.planning.common.audit.AuditTrail;
import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.CollectiveRule;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import gov.planning.org.repository.CollectiveRuleRepository;
import gov.planning.org.repository.OrganizationRepository;
import gov.planning.org.service.OrganizationSnapshot;
import gov.planning.org.service.OrganizationChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Applies the bundled reference organizations at start when their {@code dataVersion} is newer than the one this
 * database last applied (or none was): every record is upserted by code in one transaction, so a restart changes
 * nothing, a newer file updates rows instead of duplicating them, and a failed load leaves the old data whole.
 * Records are never deleted here: a body that is gone is ended with validTo in the file.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);
    static final String DATA_SET = "organizations";
    static final String ACTOR = "reference-data";

    public record Result(int appliedVersion, boolean applied, int created, int updated, int unchanged) {
    }

    @Inject
    OrganizationRepository organizations;

    @Inject
    CollectiveRuleRepository collectiveRules;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Event<OrganizationChanged> changed;

    @ConfigProperty(name = "org.reference-data.load-at-start", defaultValue = "true")
    boolean loadAtStart;

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (loadAtStart) {
            // Startup runs on a worker thread; Hibernate Reactive needs a Vert.x context, and start must wait for it.
            VertxContextSupport.subscribeAndAwait(() -> load(ReferenceData.bundled()));
        }
    }

    public Uni<Result> load(ReferenceData data) {
        List<Organization> touched = new ArrayList<>();
        return Panache.withTransaction(() -> lock().chain(this::appliedVersion).chain(applied -> {
            if (applied != null && applied >= data.dataVersion()) {
                LOG.infof("Reference organizations: dataVersion %d already applied (file has %d); nothing to do",
                        applied, data.dataVersion());
                return Uni.createFrom().item(new Result(applied, false, 0, 0, 0));
            }
            return upsert(data, touched).call(() -> recordVersion(data.dataVersion())).invoke(result -> LOG.infof(
                    "Reference organizations: applied dataVersion %d over %s: %d created, %d updated, %d unchanged",
                    data.dataVersion(), applied == null ? "an empty database" : "version " + applied,
                    result.created(), result.updated(), result.unchanged()));
        })).invoke(result -> {
            if (result.applied()) {
                touched.forEach(org -> changed.fireAsync(new OrganizationChanged(org.id, org.code, "REFERENCE_DATA")));
            }
        });
    }

    /** Replicas starting together would otherwise both see "not applied" and insert the same codes. */
    private Uni<Void> lock() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('org-service reference data'))) AS locked")
                .getResultList()).replaceWithVoid();
    }

    private Uni<Integer> appliedVersion() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT data_version FROM reference_data WHERE name = :name")
                .setParameter("name", DATA_SET).getResultList())
                .map(rows -> rows.isEmpty() ? null : ((Number) rows.get(0)).intValue());
    }

    private Uni<Void> recordVersion(int version) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO reference_data (name, data_version) VALUES (:name, :version)
                ON CONFLICT (name) DO UPDATE SET data_version = excluded.data_version, loaded_at = now()""")
                .setParameter("name", DATA_SET).setParameter("version", version).executeUpdate()).replaceWithVoid();
    }

    private record Pending(Organization org, AuditSnapshot before) {
    }

    private Uni<Result> upsert(ReferenceData data, List<Organization> touched) {
        List<String> codes = new ArrayList<>();
        data.organizations().forEach(o -> codes.add(o.code()));
        data.collectives().forEach(c -> codes.add(c.code()));
        Map<String, Organization> byCode = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        int[] counts = new int[3];
        // Rules are read once (a few rows) and kept managed, so changing one here updates it at flush.
        Map<UUID, CollectiveRule> rules = new HashMap<>();
        return collectiveRules.listAll().invoke(all -> all.forEach(r -> rules.put(r.collectiveId, r)))
                .chain(() -> organizations.list("code in ?1", codes)).chain(existing -> {
            existing.forEach(o -> byCode.put(o.code, o));
            // The "before" of each record is taken now, before anything below changes the managed entities.
            existing.forEach(o -> pending.add(new Pending(o, OrganizationSnapshot.of(o, rules.get(o.id)))));
            // Parents come before children in the file, so one pass can link each record to its parent.
            return Multi.createFrom().iterable(data.organizations()).onItem().transformToUniAndConcatenate(record -> {
                Organization org = byCode.computeIfAbsent(record.code(), code -> newOrganization(code, pending));
                apply(org, record.name(), record.shortName(), record.aliases(), record.kind(), record.level(), record.region(),
                        parentId(byCode, record.parent()));
                org.validFrom = record.validFrom();
                org.validTo = record.validTo();
                return persistIfNew(org);
            }).collect().last();
        }).chain(() -> {
            // Successors may come later in the file than their predecessors: link them once every record exists.
            for (ReferenceData.Org record : data.organizations()) {
                Organization org = byCode.get(record.code());
                Organization successor = record.successor() == null ? null : byCode.get(record.successor());
                org.successorId = successor == null ? null : successor.id;
            }
            return Multi.createFrom().iterable(data.collectives()).onItem().transformToUniAndConcatenate(record -> {
                Organization org = byCode.computeIfAbsent(record.code(), code -> newOrganization(code, pending));
                Organization parent = byCode.get(record.parent());
                apply(org, record.name(), record.shortName(), record.aliases(), OrgKind.COLLECTIVE,
                        parent == null ? null : parent.level, null, parent == null ? null : parent.id);
                return persistIfNew(org).chain(() -> {
                    CollectiveRule rule = rules.get(org.id);
                    CollectiveRule target = rule != null ? rule : new CollectiveRule();
                    target.collectiveId = org.id;
                    target.underId = byCode.get(record.under()).id;
                    target.memberKind = record.memberKind();
                    target.memberLevel = record.memberLevel();
                    rules.put(org.id, target);
                    return rule != null ? Uni.createFrom().item(target) : collectiveRules.persist(target);
                });
            }).collect().last();
        }).chain(() -> organizations.flush()).chain(() -> Multi.createFrom().iterable(pending).onItem()
                .transformToUniAndConcatenate(p -> {
                    AuditSnapshot after = OrganizationSnapshot.of(p.org(), rules.get(p.org().id));
                    if (p.before() == null) {
                        counts[0]++;
                    } else if (!after.equals(p.before())) {
                        counts[1]++;
                    } else {
                        counts[2]++;
                        return Uni.createFrom().voidItem();
                    }
                    touched.add(p.org());
                    return auditTrail.append(AuditEvent.of(ACTOR, p.before() == null ? "CREATE" : "UPDATE", p.org().id, p.before(), after));
                }).collect().last())
                .map(ignored -> new Result(data.dataVersion(), true, counts[0], counts[1], counts[2]));
    }

    private static Organization newOrganization(String code, List<Pending> pending) {
        Organization org = new Organization();
        org.code = code;
        pending.add(new Pending(org, null));
        return org;
    }

    private Uni<Organization> persistIfNew(Organization org) {
        return org.id == null ? organizations.persist(org) : Uni.createFrom().item(org);
    }

    private static UUID parentId(Map<String, Organization> byCode, String parentCode) {
        return parentCode == null ? null : byCode.get(parentCode).id;
    }

    /**
     * Leaves an unchanged record clean, so it is not rewritten and keeps its version: Hibernate compares strings and
     * enums by value, but the alias array and parent are only replaced when they differ.
     */
    private static void apply(Organization org, String name, String shortName, List<String> aliases, OrgKind kind,
            AdminLevel level, String region, UUID parentId) {
        org.name = name;
        org.shortName = shortName;
        String[] newAliases = aliases.toArray(String[]::new);
        if (org.aliases == null || !Arrays.equals(org.aliases, newAliases)) {
            org.aliases = newAliases;
        }
        org.kind = kind;
        org.level = level;
        org.region = region;
        if (!Objects.equals(org.parentId, parentId)) {
            org.parentId = parentId;
        }
    }
}
