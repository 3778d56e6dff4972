package gov.planning.indicator.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoubleUnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.api.Ids;
import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.security.Caller;
import gov.planning.indicator.domain.Period;
import gov.planning.indicator.domain.TargetTotalCheck;
import gov.planning.units.Unit;
import gov.planning.units.Units;
import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.entity.RegionalTarget;
import gov.planning.indicator.repository.IndicatorRepository;
import gov.planning.common.persistence.ReadSessions;
import gov.planning.indicator.repository.RegionalTargetRepository;
import gov.planning.indicator.security.IndicatorPermissions;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Task-division tables (任务分解表): the regional targets of an indicator, one period at a time. */
@ApplicationScoped
public class RegionalTargetService {

    @Inject
    IndicatorRepository indicators;

    @Inject
    RegionalTargetRepository targets;

    @Inject
    IndicatorPermissions permissions;

    @Inject
    ReadSessions reads;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Replaces the period's rows with {@code rows}, converted from {@code unit} to the indicator's unit, after
     * checking that they add up to {@code total} for an additive unit. All or nothing: a refused table leaves the
     * period's previous rows in place.
     */
    public Uni<List<RegionalTarget>> set(UUID indicatorId, String periodText, List<RegionalTargetRow> rows, Double total,
            String unitText) {
        // Checked before the transaction (the checks ask other services), on the indicator as read now: an indicator's
        // plan and unit never change.
        return reads.read(s -> indicators.findById(s, indicatorId))
                .map(found -> IndicatorService.existing(indicatorId, found))
                .chain(indicator -> permissions.requireSetIndicators(indicator.planId,
                        "set regional targets of indicator " + indicatorId).chain(issuer -> {
                    String period = Period.parse("period", periodText).text();
                    List<RegionalTarget> replacement = rowsInIndicatorUnit(indicator, period, rows, total, unitText);
                    return permissions.requireInTerritory(issuer, replacement.stream().map(t -> t.regionId).toList(),
                            replacement.stream().map(t -> "rows[" + t.position + "].regionId").toList())
                            .chain(() -> replace(indicatorId, indicator.planId, indicator.unit, period, replacement));
                }));
    }

    /** The writes, in one short transaction; the indicator's row lock orders concurrent tables of one indicator. */
    @WithTransaction
    Uni<List<RegionalTarget>> replace(UUID indicatorId, UUID planId, String unit, String period, List<RegionalTarget> replacement) {
        return indicators.findForUpdate(indicatorId).map(found -> IndicatorService.existing(indicatorId, found))
                .chain(() -> targets.findPeriod(indicatorId, period))
                .call(previous -> targets.deletePeriod(indicatorId, period))
                .call(previous -> targets.persist(replacement))
                .call(previous -> audit.append(AuditEvent.of(caller.username(), "SET_REGIONAL_TARGETS", planId,
                        previous.isEmpty() ? null : AuditSnapshots.targets(indicatorId, period, unit, previous),
                        AuditSnapshots.targets(indicatorId, period, unit, replacement))))
                .replaceWith(replacement);
    }

    private List<RegionalTarget> rowsInIndicatorUnit(Indicator indicator, String period, List<RegionalTargetRow> rows,
            Double total, String unitText) {
        DoubleUnaryOperator toIndicatorUnit = toIndicatorUnit(indicator, unitText);
        Unit stated = unitOf(indicator, unitText);
        Units.requireValue("total", total, stated);
        Set<UUID> regions = new HashSet<>();
        List<RegionalTarget> converted = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < rows.size(); i++) {
            RegionalTargetRow row = rows.get(i);
            String field = "rows[" + i + "]";
            if (row == null || row.value() == null) {
                throw new BadUserInputException(field + ": a row needs a regionId and a value");
            }
            UUID regionId = Ids.parse(field + ".regionId", row.regionId());
            Units.requireValue(field + ".value", row.value(), stated);
            if (!regions.add(regionId)) {
                throw new BadUserInputException(field + ".regionId: region " + regionId + " appears twice in period " + period);
            }
            RegionalTarget target = new RegionalTarget();
            target.id = UUID.randomUUID();
            target.indicatorId = indicator.id;
            target.regionId = regionId;
            target.period = period;
            target.position = i;
            target.value = toIndicatorUnit.applyAsDouble(row.value());
            target.setBy = caller.username();
            target.setAt = now;
            converted.add(target);
        }
        Double totalInIndicatorUnit = total == null ? null : toIndicatorUnit.applyAsDouble(total);
        TargetTotalCheck.mismatch(converted.stream().map(t -> t.value).toList(), totalInIndicatorUnit, indicator.additive,
                indicator.unit).ifPresent(reason -> {
                    throw new BadUserInputException("rows: " + reason + " (period " + period + "); nothing was saved");
                });
        return converted;
    }

    /** The unit a client's values are stated in: {@code unitText}, else the indicator's (null when it has none). */
    static Unit unitOf(Indicator indicator, String unitText) {
        return unitText == null || unitText.isBlank() ? Units.find(indicator.unit).orElse(null) : Units.require("unit", unitText);
    }

    /**
     * How to bring a client's value in {@code unitText} to the indicator's unit; values without a unit are taken to be
     * in the indicator's unit already.
     */
    static DoubleUnaryOperator toIndicatorUnit(Indicator indicator, String unitText) {
        if (unitText == null || unitText.isBlank()) {
            return DoubleUnaryOperator.identity();
        }
        Unit given = Units.require("unit", unitText);
        Unit own = Units.find(indicator.unit).orElseThrow(() -> new BadUserInputException("unit: indicator " + indicator.id
                + (indicator.unit == null ? " has no unit" : " has the unit '" + indicator.unit + "', which is not in the vocabulary")
                + ", so values in " + given.symbol() + " cannot be converted; leave unit out"));
        if (own.dimension() != given.dimension()) {
            throw new BadUserInputException("unit: values in " + given.symbol() + " (" + given.dimension().label()
                    + ") cannot be converted to the indicator's unit " + own.symbol() + " (" + own.dimension().label() + ")");
        }
        return value -> given.convert(value, own);
    }
}
