package gov.planning.indicator.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.indicator.domain.Assessment;
import gov.planning.indicator.domain.IndicatorFigures;
import gov.planning.indicator.domain.Latest;
import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.entity.Observation;
import gov.planning.indicator.entity.RegionalTarget;
import gov.planning.indicator.repository.IndicatorRepository;
import gov.planning.indicator.repository.ObservationRepository;
import gov.planning.common.persistence.ReadSessions;
import gov.planning.indicator.repository.RegionalTargetRepository;
import io.smallrye.mutiny.Uni;

/**
 * The derived fields of many indicators (or of many plans and organizations) at once: each method runs one query
 * for the whole batch and answers one list entry per key, in the order of the keys, which is what a GraphQL batch
 * resolver has to return.
 */
@ApplicationScoped
public class IndicatorFacts {

    @Inject
    IndicatorRepository indicators;

    @Inject
    RegionalTargetRepository targets;

    @Inject
    ObservationRepository observations;

    @Inject
    ReadSessions reads;

    @Inject
    Clock clock;

    public Uni<List<List<UUID>>> responsibleOrgs(List<UUID> indicatorIds) {
        return reads.read(s -> indicators.responsibleOrgs(s, distinct(indicatorIds))).map(rows -> alignedLists(indicatorIds,
                rows, IndicatorRepository.ResponsibleOrg::indicatorId, IndicatorRepository.ResponsibleOrg::orgId));
    }

    /** Which regional targets one parent asked for: those of one indicator, of one period (null: all). */
    public record TargetSelection(UUID indicatorId, String period) {
    }

    /** Which observations one parent asked for: those of one indicator, of one region (null: all). */
    public record ObservationSelection(UUID indicatorId, UUID regionId) {
    }

    /**
     * One query for every selection of the request, also when aliases ask for different periods: it loads the
     * union and each selection takes its share.
     */
    public Uni<List<List<RegionalTarget>>> regionalTargets(List<TargetSelection> selections) {
        List<UUID> ids = distinct(selections.stream().map(TargetSelection::indicatorId).toList());
        Set<String> periods = selections.stream().anyMatch(k -> k.period() == null) ? null
                : selections.stream().map(TargetSelection::period).collect(Collectors.toSet());
        return reads.read(s -> targets.findByIndicators(s, ids, periods)).map(rows -> {
            Map<UUID, List<RegionalTarget>> byIndicator = rows.stream().collect(Collectors.groupingBy(t -> t.indicatorId));
            return selections.stream().map(k -> byIndicator.getOrDefault(k.indicatorId(), List.of()).stream()
                    .filter(t -> k.period() == null || k.period().equals(t.period)).toList()).toList();
        });
    }

    /** As {@link #regionalTargets}: one query for every selection of the request. */
    public Uni<List<List<Observation>>> observations(List<ObservationSelection> selections) {
        List<UUID> ids = distinct(selections.stream().map(ObservationSelection::indicatorId).toList());
        Set<UUID> regions = selections.stream().anyMatch(k -> k.regionId() == null) ? null
                : selections.stream().map(ObservationSelection::regionId).collect(Collectors.toSet());
        return reads.read(s -> observations.findByIndicators(s, ids, regions)).map(rows -> {
            Map<UUID, List<Observation>> byIndicator = rows.stream().collect(Collectors.groupingBy(o -> o.indicatorId));
            return selections.stream().map(k -> byIndicator.getOrDefault(k.indicatorId(), List.of()).stream()
                    .filter(o -> k.regionId() == null || k.regionId().equals(o.regionId)).toList()).toList();
        });
    }

    public Uni<List<Latest>> latest(List<IndicatorFigures> figures) {
        return current(figures).map(current -> {
            List<Latest> result = new ArrayList<>(figures.size());
            for (int i = 0; i < figures.size(); i++) {
                result.add(Latest.of(figures.get(i).additive(), current.get(i)).orElse(null));
            }
            return result;
        });
    }

    /** Progress, met and health of each indicator, from its latest value as {@link #latest} read it. */
    public List<Assessment> assess(List<IndicatorFigures> figures, List<Latest> latest) {
        LocalDate today = LocalDate.now(clock);
        List<Assessment> result = new ArrayList<>(figures.size());
        for (int i = 0; i < figures.size(); i++) {
            IndicatorFigures f = figures.get(i);
            Latest l = latest.get(i);
            result.add(Assessment.of(f.comparator(), f.baselineValue(), f.baselineYear(), f.targetValue(), f.targetYear(),
                    l == null ? null : l.value(), today));
        }
        return result;
    }

    public Uni<List<List<Indicator>>> byPlans(List<UUID> planIds) {
        return reads.read(s -> indicators.findByPlans(s, distinct(planIds)))
                .map(found -> alignedLists(planIds, found, i -> i.planId, Function.identity()));
    }

    public Uni<List<List<Indicator>>> byResponsibleOrgs(List<UUID> orgIds) {
        return reads.read(s -> indicators.findByResponsibleOrgs(s, distinct(orgIds)))
                .map(found -> alignedLists(orgIds, found, IndicatorRepository.OrgIndicator::orgId, IndicatorRepository.OrgIndicator::indicator));
    }

    private Uni<List<List<Observation>>> current(List<IndicatorFigures> figures) {
        List<UUID> ids = figures.stream().map(IndicatorFigures::id).toList();
        return observations.findNewestCurrent(distinct(ids)).map(rows -> alignedLists(ids, rows, o -> o.indicatorId, Function.identity()));
    }

    private static List<UUID> distinct(Collection<UUID> ids) {
        return ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** One list per key (empty when nothing matched, also for a null key), keeping the rows' order within each. */
    static <R, V> List<List<V>> alignedLists(List<UUID> keys, List<R> rows, Function<R, UUID> keyOf, Function<R, V> valueOf) {
        Map<UUID, List<V>> byKey = rows.stream().collect(Collectors.groupingBy(keyOf, LinkedHashMap::new,
                Collectors.mapping(valueOf, Collectors.toList())));
        return keys.stream().map(k -> k == null ? List.<V>of() : byKey.getOrDefault(k, List.of())).toList();
    }
}
