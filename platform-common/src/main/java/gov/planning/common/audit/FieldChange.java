package gov.planning.common.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.smallrye.graphql.api.federation.Shareable;

/** One changed field of an audited write; values as JSON text (a string value keeps its quotes off). */
@Type("FieldChange")
@Shareable
@Description("One field an audited write changed: its value before and after (JSON text; null where absent).")
public record FieldChange(@NonNull String field, String before, String after) {
}
