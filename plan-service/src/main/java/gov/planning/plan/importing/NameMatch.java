package gov.planning.plan.importing;

import java.util.List;
import java.util.UUID;

/**
 * What org-service made of one name as written: {@code organization} is null when the name is ambiguous or unknown,
 * and {@code candidates} then lists what it could mean (never guessed from here).
 */
public record NameMatch(String input, UUID organization, String organizationCode, List<UUID> candidates) {
    public NameMatch {
        candidates = List.copyOf(candidates);
    }

    public boolean resolved() {
        return organization != null;
    }
}
