package gov.planning.plan.cycle;

import java.time.LocalDate;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * The progress reports responsible organizations owe, by reporting period (reporting cycles, issue #16): what the
 * reminders (催办) are sent about. One implementation, backed by the plans database; reminder tests may use a fake.
 */
public interface ReportsOwed {

    /**
     * Every report owed whose due date lies in [from, to]: one per task of a published plan that is not completed,
     * responsible organization (lead or cooperating) and period of the task's cadence, with whether an open
     * (submitted or approved) report exists for it.
     */
    Uni<List<OwedReport>> dueBetween(LocalDate from, LocalDate to);
}
