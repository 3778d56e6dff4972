package gov.planning.indicator.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.audit.HistoryEntry;
import gov.planning.common.time.ClockProducer;
import gov.planning.common.persistence.ReadSessions;
import io.smallrye.mutiny.Uni;

/**
 * The audited writes of many indicators at once, one SQL statement per batch, from the view {@code indicator_audit}
 * (migration V4): the indicator's own entries and those of its observations, which the log keeps under the
 * observation's id.
 */
@ApplicationScoped
public class IndicatorHistory {

    /** The newest audited write of an indicator: when and by whom it was last changed. */
    public record LastWrite(OffsetDateTime at, String actor) {
    }

    @Inject
    ReadSessions reads;

    /** Each indicator's entries, newest first; one list per id, in the order of the ids. */
    public Uni<List<List<HistoryEntry>>> entries(List<UUID> indicatorIds) {
        List<UUID> ids = distinct(indicatorIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(indicatorIds.stream().map(id -> List.<HistoryEntry>of()).toList());
        }
        return reads.read(s -> s.createNativeQuery("SELECT x.indicator_id, x.at, x.actor, x.action, CAST(x.before AS text) AS before_json, "
                + "CAST(x.after AS text) AS after_json FROM indicator_audit x WHERE x.indicator_id IN (:ids) ORDER BY x.at DESC, x.id DESC",
                Object[].class).setParameter("ids", ids).getResultList()).map(rows -> {
                    Map<UUID, List<HistoryEntry>> byIndicator = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        byIndicator.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(HistoryEntry.of(time(r[1]),
                                (String) r[2], (String) r[3], text(r[4]), text(r[5])));
                    }
                    return indicatorIds.stream().map(id -> byIndicator.getOrDefault(id, List.of())).toList();
                });
    }

    /** Each indicator's newest entry, or null for one without (written before the audit trail existed). */
    public Uni<List<LastWrite>> lastWrites(List<UUID> indicatorIds) {
        List<UUID> ids = distinct(indicatorIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(indicatorIds.stream().map(id -> (LastWrite) null).toList());
        }
        return reads.read(s -> s.createNativeQuery("SELECT DISTINCT ON (x.indicator_id) x.indicator_id, x.at, x.actor "
                + "FROM indicator_audit x WHERE x.indicator_id IN (:ids) ORDER BY x.indicator_id, x.at DESC, x.id DESC",
                Object[].class).setParameter("ids", ids).getResultList()).map(rows -> {
                    Map<UUID, LastWrite> byIndicator = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        byIndicator.put((UUID) r[0], new LastWrite(time(r[1]), (String) r[2]));
                    }
                    return indicatorIds.stream().map(byIndicator::get).toList();
                });
    }

    private static String text(Object json) {
        return json == null ? null : json.toString();
    }

    /** In the plans' zone, as every other time this service answers. */
    static OffsetDateTime time(Object value) {
        Instant instant;
        if (value instanceof OffsetDateTime t) {
            instant = t.toInstant();
        } else if (value instanceof Instant t) {
            instant = t;
        } else if (value instanceof java.sql.Timestamp t) {
            instant = t.toInstant();
        } else {
            throw new IllegalStateException("not a point in time: " + value);
        }
        return instant.atZone(ClockProducer.GOVERNMENT_ZONE).toOffsetDateTime();
    }

    private static List<UUID> distinct(Collection<UUID> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().toList();
    }
}
