package gov.planning.indicator.security;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Who issued a plan (plan-service owns plans; this service keeps only their ids). */
public interface PlanIssuers {

    /**
     * The issuing organization's id, or null when plan-service does not show the plan: it does not exist, or it is
     * hidden because plan-service's importer is still writing it (the importer creates its indicators then).
     */
    Uni<UUID> issuerOf(UUID planId);
}
