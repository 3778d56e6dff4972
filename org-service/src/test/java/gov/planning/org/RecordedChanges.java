package gov.planning.org;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import gov.planning.org.service.OrganizationChanged;

/** Stands in for the future Keycloak group sync: records every committed-write event. */
@ApplicationScoped
public class RecordedChanges {

    private final List<OrganizationChanged> events = new CopyOnWriteArrayList<>();

    void on(@ObservesAsync OrganizationChanged event) {
        events.add(event);
    }

    public List<OrganizationChanged> events() {
        return events;
    }
}
