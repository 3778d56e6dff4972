package gov.planning.indicatorclient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The part of indicator-service plan-service's import needs. indicator-service owns indicators; the import only asks
 * it, with the importing user's token ({@code bearer}, read when the import started) so that indicator-service applies
 * its own rules to them. The writes carry the plan's issuer ({@link ImportedPlan}): the plan is still hidden, so
 * indicator-service cannot ask plan-service for it (decision 0007). {@link IndicatorServiceClient} sends the calls;
 * tests replace it with a fake.
 */
public interface IndicatorClient {

    /** The plan an import writes (hidden until the import finishes) and the organization it is issued by. */
    record ImportedPlan(UUID planId, UUID issuerId) {
    }

    /** An indicator as the document states it (IndicatorInput of indicator-service). */
    record NewIndicator(String name, String unit, String comparator, Double baselineValue, Integer baselineYear,
                        double targetValue, Integer targetYear, List<UUID> responsibleOrgIds) {
    }

    record RegionalTarget(UUID regionId, double value) {
    }

    /** Name → id of the plan's indicators that already exist (a re-import skips them). */
    Uni<Map<String, String>> indicatorsOf(String bearer, UUID planId);

    /** The new indicator's id. */
    Uni<String> createIndicator(String bearer, ImportedPlan plan, NewIndicator input);

    /** Takes back an indicator this import created (indicator-service refuses one with recorded values). */
    Uni<Void> deleteIndicator(String bearer, ImportedPlan plan, String id);

    Uni<Void> setRegionalTargets(String bearer, ImportedPlan plan, String indicatorId, String period, List<RegionalTarget> rows, Double total, String unit);
}
