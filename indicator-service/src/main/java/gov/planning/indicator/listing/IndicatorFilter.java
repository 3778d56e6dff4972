package gov.planning.indicator.listing;

import java.util.UUID;

import gov.planning.indicator.domain.Health;
import gov.planning.indicator.entity.IndicatorNature;

/** What a list of indicators is narrowed to; every null part is no restriction. {@code search} is a trimmed term. */
public record IndicatorFilter(UUID planId, UUID orgId, IndicatorNature nature, Health health, Boolean met, String search) {

    /** Health and met are derived from the observations, which costs a look-up per indicator only when asked for. */
    boolean needsAssessment() {
        return health != null || met != null;
    }
}
