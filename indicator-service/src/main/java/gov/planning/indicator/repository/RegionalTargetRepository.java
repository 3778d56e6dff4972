package gov.planning.indicator.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import gov.planning.indicator.entity.RegionalTarget;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RegionalTargetRepository implements PanacheRepositoryBase<RegionalTarget, UUID> {

    /** The rows of a period as they stand inside the current transaction (for the audit trail's "before"). */
    public Uni<List<RegionalTarget>> findPeriod(UUID indicatorId, String period) {
        return find("indicatorId = ?1 and period = ?2", Sort.by("position"), indicatorId, period).list();
    }

    /**
     * A bulk delete runs at once, before the new rows are inserted at flush; deleting entities one by one would be
     * flushed after the inserts and trip the one-row-per-region-and-period constraint.
     */
    public Uni<Long> deletePeriod(UUID indicatorId, String period) {
        return delete("indicatorId = ?1 and period = ?2", indicatorId, period);
    }

    /** The rows of all the indicators, of the given periods (null: all periods), in table order. */
    public Uni<List<RegionalTarget>> findByIndicators(Mutiny.Session s, Collection<UUID> indicatorIds, Collection<String> periods) {
        if (indicatorIds.isEmpty() || (periods != null && periods.isEmpty())) {
            return Uni.createFrom().item(List.of());
        }
        String where = "from RegionalTarget t where t.indicatorId in (:ids)" + (periods == null ? "" : " and t.period in (:periods)");
        var query = s.createSelectionQuery(where + " order by t.period, t.position", RegionalTarget.class).setParameter("ids", indicatorIds);
        if (periods != null) {
            query.setParameter("periods", periods);
        }
        return query.getResultList();
    }
}
