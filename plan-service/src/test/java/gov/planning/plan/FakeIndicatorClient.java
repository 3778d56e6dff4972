package gov.planning.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import gov.planning.common.error.BadUserInputException;
import gov.planning.indicatorclient.IndicatorClient;
import io.smallrye.mutiny.Uni;

/**
 * indicator-service for the tests: keeps what was created per plan; {@link #failOnCreate} makes createIndicator fail,
 * {@link #failAfterCreates} lets that many succeed first.
 */
@Singleton
public class FakeIndicatorClient implements IndicatorClient {

    record Targets(String indicatorId, String period, List<RegionalTarget> rows, Double total, String unit) {
    }

    final Map<UUID, Map<String, String>> byPlan = new ConcurrentHashMap<>();
    final List<NewIndicator> created = new CopyOnWriteArrayList<>();
    final List<Targets> targets = new CopyOnWriteArrayList<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    /** The token each createIndicator was called with (the importing user's). */
    final List<String> bearers = new CopyOnWriteArrayList<>();
    /** The plan and issuer each write named (indicator-service checks the caller against that issuer). */
    final List<ImportedPlan> plans = new CopyOnWriteArrayList<>();
    volatile boolean failOnCreate;
    volatile int failAfterCreates = -1;
    /** How long each createIndicator takes: an import that outlives its caller's HTTP request. */
    volatile java.time.Duration createDelay = java.time.Duration.ZERO;

    void reset() {
        byPlan.clear();
        created.clear();
        targets.clear();
        deleted.clear();
        bearers.clear();
        plans.clear();
        failOnCreate = false;
        failAfterCreates = -1;
        createDelay = java.time.Duration.ZERO;
    }

    @Override
    public Uni<Map<String, String>> indicatorsOf(String bearer, UUID planId) {
        return Uni.createFrom().item(Map.copyOf(byPlan.getOrDefault(planId, Map.of())));
    }

    @Override
    public Uni<String> createIndicator(String bearer, ImportedPlan plan, NewIndicator input) {
        bearers.add(String.valueOf(bearer));
        plans.add(plan);
        if (failOnCreate || failAfterCreates >= 0 && created.size() >= failAfterCreates) {
            return Uni.createFrom().failure(new BadUserInputException("indicator-service (creating indicator " + input.name()
                    + "): unit: unknown unit"));
        }
        String id = UUID.randomUUID().toString();
        byPlan.computeIfAbsent(plan.planId(), p -> new ConcurrentHashMap<>()).put(input.name(), id);
        created.add(input);
        Uni<String> answer = Uni.createFrom().item(id);
        return createDelay.isZero() ? answer : answer.onItem().delayIt().by(createDelay);
    }

    @Override
    public Uni<Void> deleteIndicator(String bearer, ImportedPlan plan, String id) {
        plans.add(plan);
        byPlan.values().forEach(named -> named.values().remove(id));
        deleted.add(id);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> setRegionalTargets(String bearer, ImportedPlan plan, String indicatorId, String period, List<RegionalTarget> rows, Double total, String unit) {
        plans.add(plan);
        targets.add(new Targets(indicatorId, period, rows, total, unit));
        return Uni.createFrom().voidItem();
    }
}
