package gov.planning.indicator.domain;

import java.util.List;
import java.util.Optional;

/**
 * The 合计 rule of a task-division table (任务分解表): for an additive unit the regional rows of a period must add
 * up to the stated total. A mismatch is reported with the difference in the indicator's unit and never corrected
 * silently, because a wrong annex table is something the issuing office has to fix in the document.
 */
public final class TargetTotalCheck {

    private TargetTotalCheck() {
    }

    /** Empty when the rows add up (or the unit is not additive, or no total was stated); else the reason. */
    public static Optional<String> mismatch(List<Double> rows, Double total, boolean additive, String unit) {
        if (total == null || !additive) {
            return Optional.empty();
        }
        double sum = 0;
        for (double row : rows) {
            sum += row;
        }
        if (Quantities.nearlyEqual(sum, total)) {
            return Optional.empty();
        }
        double difference = Math.abs(total - sum);
        return Optional.of("rows add up to " + Quantities.format(sum, unit) + ", " + Quantities.format(difference, unit)
                + (sum < total ? " less" : " more") + " than the stated total " + Quantities.format(total, unit));
    }
}
