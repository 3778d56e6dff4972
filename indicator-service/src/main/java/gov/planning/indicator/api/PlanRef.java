package gov.planning.indicator.api;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/** A reference to plan-service's {@code Plan} entity: only its key, resolved by plan-service through the gateway. */
@Type("Plan")
@Name("Plan")
@Key(fields = @FieldSet("id"))
public record PlanRef(@Id @NonNull UUID id) {

    static PlanRef of(UUID id) {
        return id == null ? null : new PlanRef(id);
    }
}
