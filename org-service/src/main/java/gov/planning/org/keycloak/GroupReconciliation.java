package gov.planning.org.keycloak;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What one reconciliation of Keycloak's groups with the organization tree changed.")
public record GroupReconciliation(@NonNull Integer created, @NonNull Integer updated, @NonNull Integer moved,
        @NonNull Integer deleted, @NonNull Integer unchanged) {
}
