package gov.planning.indicator.service;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** One row of a task-division table as a client sends it; the value is in the mutation's {@code unit}. */
@Input("RegionalTargetInput")
public record RegionalTargetRow(@NonNull @Id String regionId, @NonNull Double value) {
}
