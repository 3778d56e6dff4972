package gov.planning.org.service;

import java.util.UUID;

/**
 * Fired (asynchronously) after a write to an organization has committed: the seam for whatever mirrors the tree
 * elsewhere, first of all the Keycloak group sync. Observers must not assume they run on a request's thread.
 */
public record OrganizationChanged(UUID organizationId, String code, String action) {
}
