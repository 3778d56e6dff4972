package gov.planning.org.service;

import java.time.LocalDate;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import gov.planning.common.api.SortOrder;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.audit.HistoryEntry;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.CollectiveRule;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import gov.planning.org.naming.OrgDirectory;
import gov.planning.org.naming.OrgNameResolver;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.repository.OrganizationAuditPages;
import gov.planning.org.repository.OrganizationListing;
import gov.planning.org.repository.OrganizationRepository;
import gov.planning.org.repository.OrganizationSort;
import io.smallrye.mutiny.Uni;

/**
 * Reads: everyone with a token may read organizations and their history; only the audit log with the full before and
 * after states is for admins.
 */
@ApplicationScoped
public class OrganizationService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationListing listing;

    @Inject
    OrganizationAuditPages auditPages;

    @Inject
    AuditTrail auditTrail;

    @Inject
    OrgDirectory directory;

    @Inject
    Caller caller;

    /** In the government's zone: validity dates are the dates of Chinese documents. */
    @Inject
    Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Uni<Organization> findById(UUID id) {
        return organizations.readByIds(List.of(id)).map(found -> found.isEmpty() ? null : found.get(0));
    }

    public Uni<Organization> findByCode(String code) {
        return organizations.readByCode(code);
    }

    /**
     * What every answer about organizations depends on: the tree's version (V12, V14: bumped by every statement that
     * writes an organization or a collective's rule, whoever runs it) and today (validity, members and successors as of
     * today change at midnight without a write).
     */
    public Uni<String> treeVersionToday() {
        return organizations.treeVersion().map(version -> version + "@" + today());
    }

    public Uni<List<Organization>> findByIds(Collection<UUID> ids) {
        return organizations.readByIds(ids);
    }

    public Uni<List<Organization>> findByCodes(Collection<String> codes) {
        return organizations.readByCodes(codes);
    }

    public Uni<List<Organization>> childrenOf(Collection<UUID> parentIds) {
        return organizations.readChildren(parentIds);
    }

    /**
     * One page of the organization list. An unknown parent (by id or code) yields no organizations rather than all
     * of them.
     */
    public Uni<OrganizationListing.Page> list(OrganizationListing.Filter filter, OrganizationSort sort, SortOrder order,
            int offset, int limit) {
        if (filter.under() != null && filter.underCode() != null) {
            throw new BadUserInputException("under, underCode: give one of them, not both");
        }
        return listing.page(filter, sort, order, offset, limit);
    }

    /** Every audited write to each organization, newest first. */
    public Uni<Map<UUID, List<HistoryEntry>>> history(Collection<UUID> ids) {
        return auditTrail.history("Organization", ids);
    }

    public Uni<Map<UUID, List<Organization>>> ancestors(Collection<UUID> ids) {
        return organizations.ancestors(ids);
    }

    /**
     * Everything below each of {@code ids}, nearest first, optionally of one kind and level; from the tree's snapshot
     * (a province's 20,000 took a sort of the table per request).
     */
    public Uni<Map<UUID, List<OrgNode>>> descendants(Collection<UUID> ids, OrgKind kind, AdminLevel level) {
        return directory.snapshot().map(snapshot -> {
            Map<UUID, List<OrgNode>> below = new HashMap<>();
            for (UUID id : ids) {
                List<OrgNode> all = snapshot.tree().descendants(id);
                below.put(id, kind == null && level == null ? all
                        : all.stream().filter(o -> (kind == null || o.kind() == kind) && (level == null || o.level() == level)).toList());
            }
            return below;
        });
    }

    /** The organizations of {@code ids} from the tree's snapshot, position by position (null where unknown). */
    public Uni<List<OrgNode>> nodes(List<UUID> ids) {
        return directory.snapshot().map(snapshot -> ids.stream().map(id -> snapshot.tree().byId(id)).toList());
    }

    /** For each of {@code ids} a reform replaced, the body responsible today; from the tree's snapshot. */
    public Uni<Map<UUID, UUID>> currentSuccessors(Collection<UUID> ids) {
        return directory.snapshot().map(snapshot -> {
            Map<UUID, UUID> heirs = new HashMap<>();
            for (UUID id : ids) {
                UUID heir = snapshot.tree().currentSuccessor(id);
                if (heir != null) {
                    heirs.put(id, heir);
                }
            }
            return heirs;
        });
    }

    public Uni<Map<UUID, java.util.Set<UUID>>> predecessorsTransitively(Collection<UUID> ids) {
        return organizations.predecessorsTransitively(ids);
    }

    public Uni<Map<UUID, List<Organization>>> predecessors(Collection<UUID> ids) {
        return organizations.predecessors(ids);
    }

    /** Members as of today: a body that has been replaced no longer acts for the collective. */
    public Uni<Map<UUID, List<Organization>>> members(Collection<UUID> collectiveIds) {
        return organizations.members(collectiveIds, today());
    }

    public Uni<List<CollectiveRule>> rules(Collection<UUID> collectiveIds) {
        return collectiveIds.isEmpty() ? Uni.createFrom().item(List.of()) : organizations.rules(collectiveIds);
    }

    public Uni<List<OrgNameResolver.Match>> resolveNames(List<String> names, String contextCode, LocalDate asOf) {
        return directory.snapshot().map(snapshot -> snapshot.resolver().resolve(names, contextCode, asOf == null ? today() : asOf));
    }

    /** Newest first; admins only, since entries show who changed what. */
    public Uni<AuditPage> auditLog(UUID organizationId, int offset, int limit) {
        caller.requireAnyRole("read the organization audit log", PlatformRole.ADMIN);
        return auditPages.page(organizationId, offset, limit + 1).chain(entries -> auditPages.count(organizationId)
                .map(total -> new AuditPage(entries.subList(0, Math.min(limit, entries.size())), entries.size() > limit, total)));
    }

    public record AuditPage(List<OrganizationAuditPages.Entry> entries, boolean hasNextPage, long totalCount) {
    }
}
