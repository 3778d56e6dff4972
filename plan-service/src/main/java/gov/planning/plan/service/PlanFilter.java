package gov.planning.plan.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import gov.planning.common.error.BadUserInputException;
import gov.planning.plan.entity.PlanKind;
import gov.planning.plan.entity.PlanStatus;

/** What the {@code plans} list is filtered by; each part null: no filter. */
public record PlanFilter(PlanStatus status, PlanKind kind, UUID issuerId, String search, Years period) {

    /** The years of plan periods a filter may name: those a plan's period may hold (see {@code PlanInput}). */
    static final int MIN_YEAR = 1949;
    static final int MAX_YEAR = 2100;

    /** An inclusive range of years; one end null: open on that side. */
    public record Years(Integer from, Integer to) {
    }

    /** The range {@code periodFrom}–{@code periodTo} (null when neither is given), refused when it holds no year. */
    public static Years years(Integer periodFrom, Integer periodTo) {
        List<String> problems = new ArrayList<>();
        check("periodFrom", periodFrom, problems);
        check("periodTo", periodTo, problems);
        if (problems.isEmpty() && periodFrom != null && periodTo != null && periodFrom > periodTo) {
            problems.add("periodTo: " + periodTo + " is before periodFrom " + periodFrom);
        }
        if (!problems.isEmpty()) {
            throw new BadUserInputException(String.join("; ", problems));
        }
        return periodFrom == null && periodTo == null ? null : new Years(periodFrom, periodTo);
    }

    private static void check(String name, Integer year, List<String> problems) {
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            problems.add(name + ": must be a year from " + MIN_YEAR + " to " + MAX_YEAR + ", was " + year);
        }
    }
}
