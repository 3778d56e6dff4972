package gov.planning.indicator.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.api.Ids;
import gov.planning.common.api.Texts;
import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ConflictException;
import gov.planning.common.error.InputValidator;
import gov.planning.common.error.NotFoundException;
import gov.planning.common.security.Caller;
import gov.planning.units.Unit;
import gov.planning.units.Units;
import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.repository.IndicatorRepository;
import gov.planning.indicator.repository.ObservationRepository;
import gov.planning.common.persistence.ReadSessions;
import gov.planning.indicator.repository.RegionalTargetRepository;
import gov.planning.indicator.security.IndicatorPermissions;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IndicatorService {

    @Inject
    IndicatorRepository indicators;

    @Inject
    ReadSessions reads;

    @Inject
    Caller caller;

    @Inject
    InputValidator validator;

    @Inject
    IndicatorPermissions permissions;

    @Inject
    AuditTrail audit;

    @Inject
    ObservationRepository observations;

    @Inject
    RegionalTargetRepository regionalTargets;

    public Uni<Indicator> findById(UUID id) {
        return reads.read(s -> indicators.findById(s, id));
    }

    public Uni<List<Indicator>> findByIds(Collection<UUID> ids) {
        return reads.read(s -> indicators.findByIds(s, ids));
    }

    /** Loads an indicator a write refers to, or NOT_FOUND. */
    static Indicator existing(UUID id, Indicator found) {
        if (found == null) {
            throw new NotFoundException("indicatorId: no indicator " + id);
        }
        return found;
    }

    /**
     * Checks first, then one short transaction: the checks ask org-service and plan-service, and no pooled connection
     * waits on them (issue #19, item 2).
     */
    public Uni<Indicator> create(UUID planId, NewIndicator input) {
        Map<UUID, String> responsible = responsibleOrgIds(input.responsibleOrgIds());
        return permissions.requireCreateIndicator(planId)
                .invoke(issuer -> validator.check(input))
                .call(issuer -> permissions.requireOrganizations(List.copyOf(responsible.keySet()), List.copyOf(responsible.values())))
                .map(issuer -> newIndicator(planId, input, new ArrayList<>(responsible.keySet())))
                .chain(this::persistNew);
    }

    /**
     * Removes an indicator that has no observations, with its regional targets (who may set the plan's indicators).
     * Recorded values are never deleted: an indicator with observations is refused (CONFLICT). An import that fails
     * half-way uses this to take back the indicators it created. The permission is checked before the transaction,
     * on the indicator as read then (an indicator's plan never changes).
     */
    public Uni<UUID> delete(UUID id) {
        return reads.read(s -> indicators.findById(s, id)).map(found -> existing(id, found))
                .call(indicator -> permissions.requireSetIndicators(indicator.planId, "delete indicator " + id))
                .chain(checked -> deleteChecked(id));
    }

    @WithTransaction
    Uni<UUID> deleteChecked(UUID id) {
        return indicators.findForUpdate(id).map(found -> existing(id, found))
                .call(indicator -> observations.count("indicatorId", id).invoke(count -> {
                    if (count > 0) {
                        throw new ConflictException("indicator " + id + " has " + count
                                + " recorded observations; recorded values are never deleted");
                    }
                }))
                .call(indicator -> Mutiny.fetch(indicator.responsibleOrgIds)) // the audit records what it was, in full
                .call(indicator -> regionalTargets.delete("indicatorId", id))
                .call(indicator -> audit.append(AuditEvent.of(caller.username(), "DELETE_INDICATOR", indicator.planId,
                        AuditSnapshots.indicator(indicator), null)))
                .call(indicator -> indicators.delete(indicator))
                .replaceWith(id);
    }

    @WithTransaction
    Uni<Indicator> persistNew(Indicator indicator) {
        return indicators.persist(indicator)
                .call(saved -> audit.append(AuditEvent.of(caller.username(), "CREATE_INDICATOR", saved.planId,
                        null, AuditSnapshots.indicator(saved))));
    }

    private Indicator newIndicator(UUID planId, NewIndicator input, List<UUID> responsible) {
        if (input.baselineYear() != null && input.targetYear() != null && input.targetYear() < input.baselineYear()) {
            throw new BadUserInputException("targetYear: " + input.targetYear() + " is before baselineYear " + input.baselineYear());
        }
        // An indicator without a unit (a count of "things" or an index) is allowed but never added across regions.
        String name = Texts.required("name", input.name());
        String unitText = Texts.clean(input.unit());
        Unit unit = unitText == null ? null : Units.require("unit", unitText);
        Units.requireValue("targetValue", input.targetValue(), unit);
        Units.requireValue("baselineValue", input.baselineValue(), unit);
        Indicator indicator = new Indicator();
        indicator.planId = planId;
        indicator.name = name;
        indicator.unit = unit == null ? null : unit.symbol();
        indicator.additive = unit != null && unit.additive();
        indicator.nature = input.nature();
        indicator.comparator = input.comparator();
        indicator.baselineValue = input.baselineValue();
        indicator.baselineYear = input.baselineYear();
        indicator.targetValue = input.targetValue();
        indicator.targetYear = input.targetYear();
        indicator.responsibleOrgIds = responsible;
        indicator.createdBy = caller.username();
        return indicator;
    }

    /**
     * Parsed, in the plan's order, each organization once (a repeated name in a document is one unit), with the
     * input field that first names it.
     */
    private static Map<UUID, String> responsibleOrgIds(List<String> ids) {
        Map<UUID, String> parsed = new LinkedHashMap<>();
        for (int i = 0; ids != null && i < ids.size(); i++) {
            String field = "responsibleOrgIds[" + i + "]";
            parsed.putIfAbsent(Ids.parse(field, ids.get(i)), field);
        }
        return parsed;
    }
}
