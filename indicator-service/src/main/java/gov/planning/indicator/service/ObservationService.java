package gov.planning.indicator.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.api.Texts;
import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.security.Caller;
import gov.planning.indicator.domain.Period;
import gov.planning.units.Units;
import gov.planning.indicator.entity.Observation;
import gov.planning.indicator.repository.IndicatorRepository;
import gov.planning.indicator.repository.ObservationRepository;
import gov.planning.common.persistence.ReadSessions;
import gov.planning.indicator.security.IndicatorPermissions;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Reported actual values (实际值). Append-only: nothing here updates or deletes an observation. */
@ApplicationScoped
public class ObservationService {

    static final int MAX_SOURCE_LENGTH = 500;

    @Inject
    IndicatorRepository indicators;

    @Inject
    ObservationRepository observations;

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
     * Records a value for the indicator, region (null: its whole area) and period. If that triple already has a
     * current observation, the new one supersedes it: the old row stays, so the history shows who reported what
     * and who corrected it when.
     */
    public Uni<Observation> record(UUID indicatorId, UUID regionId, String periodText, Double value, String source, String unit) {
        // Checked before the transaction (the checks ask other services), on the indicator as read now, with its
        // responsible organizations: an indicator's plan, unit and responsible organizations never change.
        return reads.read(s -> indicators.findById(s, indicatorId)
                .call(found -> found == null ? Uni.createFrom().voidItem() : s.fetch(found.responsibleOrgIds)))
                .map(found -> IndicatorService.existing(indicatorId, found))
                .chain(indicator -> permissions.requireRecordObservation(indicator, regionId).chain(issuer -> {
                    String period = Period.parse("period", periodText).text();
                    if (value == null || !Double.isFinite(value)) {
                        throw new BadUserInputException("value: must be a finite number, was " + value);
                    }
                    Units.requireValue("value", value, RegionalTargetService.unitOf(indicator, unit));
                    String trimmedSource = Texts.clean(source);
                    if (trimmedSource != null && trimmedSource.length() > MAX_SOURCE_LENGTH) {
                        throw new BadUserInputException("source: at most " + MAX_SOURCE_LENGTH + " characters");
                    }
                    double inIndicatorUnit = RegionalTargetService.toIndicatorUnit(indicator, unit).applyAsDouble(value);
                    // The whole area (no region) is the issuer's own, so only a named region can be outside it.
                    Uni<Void> inTerritory = regionId == null ? Uni.createFrom().voidItem()
                            : permissions.requireInTerritory(issuer, List.of(regionId), List.of("regionId"));
                    return inTerritory.chain(() -> append(indicator.planId, indicatorId, regionId, period, inIndicatorUnit, trimmedSource));
                }));
    }

    /**
     * The write, in one short transaction. The indicator's row lock orders concurrent reports of one indicator, so the
     * current observation read here is the one the new one supersedes.
     */
    @WithTransaction
    Uni<Observation> append(UUID planId, UUID indicatorId, UUID regionId, String period, double value, String source) {
        return indicators.findForUpdate(indicatorId).map(found -> IndicatorService.existing(indicatorId, found))
                .chain(() -> observations.findCurrent(indicatorId, regionId, period)).chain(previous -> {
                    Observation o = new Observation();
                    o.id = UUID.randomUUID();
                    o.indicatorId = indicatorId;
                    o.regionId = regionId;
                    o.period = period;
                    o.value = value;
                    o.source = source;
                    o.reportedBy = caller.username();
                    o.reportedAt = clock.instant();
                    o.supersedes = previous == null ? null : previous.id;
                    return observations.persist(o)
                            .call(saved -> audit.append(AuditEvent.of(caller.username(),
                                    previous == null ? "RECORD_OBSERVATION" : "CORRECT_OBSERVATION", planId,
                                    previous == null ? null : AuditSnapshots.observation(previous), AuditSnapshots.observation(saved))));
                });
    }
}
