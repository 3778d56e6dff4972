package gov.planning.org.api;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** An organization and one body it took over from in a reform, directly or further back. */
@Type("Predecessor")
@Description("An organization (id) and one body it took over from (predecessorId), directly or any number of reforms back.")
public record PredecessorView(@Id @NonNull UUID id, @Id @NonNull UUID predecessorId) {
}
