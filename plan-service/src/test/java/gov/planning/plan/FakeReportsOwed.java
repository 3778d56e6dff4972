package gov.planning.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import gov.planning.plan.cycle.OwedReport;
import gov.planning.plan.cycle.ReportsOwed;
import io.smallrye.mutiny.Uni;

/**
 * The reports owed, as reporting cycles would answer them, set by each test (an alternative, so it also wins over
 * the real implementation once that is on the branch).
 */
@Alternative
@Priority(1)
@Singleton
public class FakeReportsOwed implements ReportsOwed {

    private final List<OwedReport> owed = new CopyOnWriteArrayList<>();

    public void set(List<OwedReport> reports) {
        owed.clear();
        owed.addAll(reports);
    }

    @Override
    public Uni<List<OwedReport>> dueBetween(LocalDate from, LocalDate to) {
        return Uni.createFrom().item(owed.stream().filter(r -> !r.due().isBefore(from) && !r.due().isAfter(to)).toList());
    }
}
