package gov.planning.indicator.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import gov.planning.common.persistence.SqlRows;
import gov.planning.indicator.entity.Observation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, UUID> {

    private static final String NEWEST_FIRST = " order by o.reportedAt desc, o.id";
    private static final String NOT_SUPERSEDED = " and not exists (select 1 from Observation n where n.supersedes = o.id)";

    @Inject
    SqlRows db;

    /** The current observation of one indicator, region (null: the whole area) and period, inside the write's transaction. */
    public Uni<Observation> findCurrent(UUID indicatorId, UUID regionId, String period) {
        return regionId == null
                ? find("from Observation o where o.indicatorId = ?1 and o.regionId is null and o.period = ?2" + NOT_SUPERSEDED,
                        indicatorId, period).firstResult()
                : find("from Observation o where o.indicatorId = ?1 and o.regionId = ?2 and o.period = ?3" + NOT_SUPERSEDED,
                        indicatorId, regionId, period).firstResult();
    }

    /** All observations of the indicators, superseded ones included, of the given regions (null: all); newest first. */
    public Uni<List<Observation>> findByIndicators(Mutiny.Session s, Collection<UUID> indicatorIds, Collection<UUID> regionIds) {
        if (indicatorIds.isEmpty() || (regionIds != null && regionIds.isEmpty())) {
            return Uni.createFrom().item(List.of());
        }
        String where = "from Observation o where o.indicatorId in (:ids)" + (regionIds == null ? "" : " and o.regionId in (:regions)");
        var query = s.createSelectionQuery(where + NEWEST_FIRST, Observation.class).setParameter("ids", indicatorIds);
        if (regionIds != null) {
            query.setParameter("regions", regionIds);
        }
        return query.getResultList();
    }

    /**
     * Of each indicator, the newest current observation of the whole area and of each region: what {@code domain.Latest}
     * chooses from, one row per indicator and region rather than every value ever reported. Newest as Latest and the
     * SQL function indicator_latest_value (V4) order them: the period's end, then its start, then the report; read in
     * that order from observation_newest_idx.
     *
     * <p>On the reactive SQL client (one prepared statement, the ids as one array), not a Hibernate native query: the
     * rows are read-only copies, and Hibernate's parsing and mapping of the query on every call cost more than the
     * read (bench/scale, 2026-12-06 21:50 section; decision 0022).
     */
    public Uni<List<Observation>> findNewestCurrent(Collection<UUID> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.list("SELECT DISTINCT ON (o.indicator_id, o.region_id) o.id, o.indicator_id, o.region_id, o.period,"
                + " o.value, o.source, o.reported_by, o.reported_at, o.supersedes FROM observation o"
                + " WHERE o.indicator_id = ANY(:ids) AND NOT EXISTS (SELECT 1 FROM observation n WHERE n.supersedes = o.id)"
                + " ORDER BY o.indicator_id, o.region_id, right(o.period, 4) DESC, left(o.period, 4) DESC, o.reported_at DESC",
                Map.of("ids", indicatorIds.toArray(UUID[]::new)), ObservationRepository::observation);
    }

    private static Observation observation(Row row) {
        Observation o = new Observation();
        o.id = row.getUUID("id");
        o.indicatorId = row.getUUID("indicator_id");
        o.regionId = row.getUUID("region_id");
        o.period = row.getString("period");
        o.value = row.getDouble("value");
        o.source = row.getString("source");
        o.reportedBy = row.getString("reported_by");
        o.reportedAt = row.getOffsetDateTime("reported_at").toInstant();
        o.supersedes = row.getUUID("supersedes");
        return o;
    }
}
