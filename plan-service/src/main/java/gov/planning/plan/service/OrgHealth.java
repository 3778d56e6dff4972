package gov.planning.plan.service;

import java.util.UUID;

/** Per lead organization: how many of its tasks are in each health (the supervision dashboard's row). */
public record OrgHealth(UUID orgId, int green, int yellow, int red, int done) {

    public int total() {
        return green + yellow + red + done;
    }
}
