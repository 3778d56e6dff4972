package gov.planning.indicator.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;

import gov.planning.indicator.entity.Indicator;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Writes go through Panache (the transaction's session); reads take the session {@link gov.planning.common.persistence.ReadSessions} opened for them. */
@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, UUID> {

    /** In the order they were set, which is the order of the plan's target list. */
    private static final String PLAN_ORDER = " order by i.createdAt, i.id";

    /** An indicator's responsible organization. */
    public record ResponsibleOrg(UUID indicatorId, UUID orgId) {
    }

    /** An indicator an organization is responsible for. */
    public record OrgIndicator(UUID orgId, Indicator indicator) {
    }

    /**
     * Locks the indicator row until the transaction ends. Writes that read an indicator's rows and then replace
     * or supersede them take this lock first, so two concurrent writers run one after the other instead of both
     * superseding the same observation or both replacing the same period.
     */
    public Uni<Indicator> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Indicator> findById(Mutiny.Session s, UUID id) {
        return s.find(Indicator.class, id);
    }

    public Uni<List<Indicator>> findByIds(Mutiny.Session s, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return s.createSelectionQuery("from Indicator i where i.id in (:ids)", Indicator.class).setParameter("ids", ids)
                .getResultList();
    }

    public Uni<List<Indicator>> findByPlans(Mutiny.Session s, Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return s.createSelectionQuery("from Indicator i where i.planId in (:plans)" + PLAN_ORDER, Indicator.class)
                .setParameter("plans", planIds).getResultList();
    }

    public Uni<List<OrgIndicator>> findByResponsibleOrgs(Mutiny.Session s, Collection<UUID> orgIds) {
        if (orgIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return s.createSelectionQuery("select o, i from Indicator i join i.responsibleOrgIds o where o in (:orgs)" + PLAN_ORDER,
                Object[].class)
                .setParameter("orgs", orgIds)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new OrgIndicator((UUID) r[0], (Indicator) r[1])).toList());
    }

    /** In the plan's listing order of each indicator's responsible organizations. */
    public Uni<List<ResponsibleOrg>> responsibleOrgs(Mutiny.Session s, Collection<UUID> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return s.createSelectionQuery("select i.id, o from Indicator i join i.responsibleOrgIds o "
                + "where i.id in (:ids) order by index(o)", Object[].class)
                .setParameter("ids", indicatorIds)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new ResponsibleOrg((UUID) r[0], (UUID) r[1])).toList());
    }
}
