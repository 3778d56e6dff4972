package gov.planning.indicator.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import gov.planning.indicator.entity.Observation;

/**
 * An indicator's latest value: the newest current observation of its whole area, or, when only regions reported
 * and the unit is additive, the sum of each region's newest current observation. "Newest" means the latest period
 * (a late report for 2021 does not displace the value for 2023), then the latest report; a superseded observation
 * is never current.
 *
 * @param observation the observation itself, or null for a sum
 * @param parts       the regional observations a sum adds up; empty for a single observation
 */
public record Latest(Observation observation, List<Observation> parts, double value, String period, Instant reportedAt) {

    public static final Comparator<Observation> NEWEST = Comparator
            .comparing((Observation o) -> Period.ofStored(o.period))
            .thenComparing(o -> o.reportedAt);

    public static Optional<Latest> of(boolean additive, List<Observation> current) {
        Optional<Observation> whole = current.stream().filter(o -> o.regionId == null).max(NEWEST);
        if (whole.isPresent()) {
            Observation o = whole.get();
            return Optional.of(new Latest(o, List.of(), o.value, o.period, o.reportedAt));
        }
        if (!additive) {
            // Regional rates or averages do not combine into the whole's value without weights we do not have.
            return Optional.empty();
        }
        Map<UUID, Observation> newestPerRegion = current.stream().filter(o -> o.regionId != null)
                .collect(Collectors.toMap(o -> o.regionId, o -> o, (a, b) -> NEWEST.compare(a, b) >= 0 ? a : b, LinkedHashMap::new));
        if (newestPerRegion.isEmpty()) {
            return Optional.empty();
        }
        List<Observation> parts = newestPerRegion.values().stream().sorted(NEWEST.reversed()).toList();
        // Smallest first, one addition after the other: the SQL function indicator_latest_value adds up the same way,
        // so filtering and sorting in SQL see exactly the double this answers.
        double sum = parts.stream().mapToDouble(o -> o.value).sorted().reduce(Double::sum).orElseThrow();
        Observation newest = parts.get(0);
        Instant reportedAt = parts.stream().map(o -> o.reportedAt).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(new Latest(null, parts, sum, newest.period, reportedAt));
    }

    public boolean isSum() {
        return observation == null;
    }

    /** A stable id for a sum, derived from what it adds up, so a client cache sees the same sum as the same object. */
    public UUID id() {
        if (observation != null) {
            return observation.id;
        }
        String key = "sum:" + parts.stream().map(o -> o.id.toString()).sorted().collect(Collectors.joining(","));
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
