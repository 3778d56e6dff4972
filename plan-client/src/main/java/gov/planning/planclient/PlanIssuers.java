package gov.planning.planclient;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Who issued a plan (plan-service owns plans; the other services keep only their ids). Tests replace it with a fake. */
public interface PlanIssuers {

    /** The issuing organization's id, or null when plan-service does not show the plan (unknown, or being imported). */
    Uni<UUID> issuerOf(UUID planId);
}
