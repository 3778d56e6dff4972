package gov.planning.org.api;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** An organization a reform replaced and the one that carries its responsibilities today. */
@Type("CurrentSuccessor")
@Description("An organization a reform replaced (id) and the body that carries its responsibilities today (successorId): "
        + "the last of its chain of successors.")
public record CurrentSuccessorView(@Id @NonNull UUID id, @Id @NonNull UUID successorId) {
}
