package gov.planning.indicator.service;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.InputValidator;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.repository.IndicatorRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IndicatorService {

    @Inject
    IndicatorRepository indicators;

    @Inject
    Caller caller;

    @Inject
    InputValidator validator;

    @WithSession
    public Uni<Indicator> findById(UUID id) {
        return indicators.findById(id);
    }

    @WithSession
    public Uni<List<Indicator>> findByIds(Collection<UUID> ids) {
        return indicators.findByIds(ids);
    }

    @WithSession
    public Uni<List<Indicator>> findByPlan(UUID planId) {
        return indicators.findByPlan(planId);
    }

    @WithTransaction
    public Uni<Indicator> create(UUID planId, NewIndicator input) {
        caller.requireAnyRole("set indicators", PlatformRole.ADMIN, PlatformRole.PLANNER);
        validator.check(input);
        requireFinite("targetValue", input.targetValue());
        requireFinite("baselineValue", input.baselineValue());
        if (input.baselineYear() != null && input.targetYear() != null && input.targetYear() < input.baselineYear()) {
            throw new BadUserInputException("targetYear: " + input.targetYear() + " is before baselineYear " + input.baselineYear());
        }
        Indicator indicator = new Indicator();
        indicator.planId = planId;
        indicator.name = input.name().strip();
        indicator.unit = input.unit() == null || input.unit().isBlank() ? null : input.unit().strip();
        indicator.nature = input.nature();
        indicator.comparator = input.comparator();
        indicator.baselineValue = input.baselineValue();
        indicator.baselineYear = input.baselineYear();
        indicator.targetValue = input.targetValue();
        indicator.targetYear = input.targetYear();
        indicator.createdBy = caller.username();
        return indicators.persist(indicator);
    }

    private static void requireFinite(String field, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new BadUserInputException(field + ": must be a finite number, was " + value);
        }
    }
}
