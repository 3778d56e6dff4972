package gov.planning.org.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** Who the token says the caller is; {@code orgs} is resolved from the token's organization codes. */
public record Viewer(@NonNull String username, @NonNull List<@NonNull String> roles, @Ignore List<String> orgCodes) {
}
