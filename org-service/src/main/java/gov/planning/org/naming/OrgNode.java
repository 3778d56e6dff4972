package gov.planning.org.naming;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;

/** One organization as the in-memory snapshot holds it: immutable, so a snapshot can be shared between requests. */
public record OrgNode(UUID id, String code, String name, String shortName, List<String> aliases, OrgKind kind,
        AdminLevel level, String region, UUID parentId, LocalDate validFrom, LocalDate validTo, UUID successorId,
        int version) {

    public OrgNode {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A body exists from its validFrom (inclusive) until its validTo, the day its successor took over (exclusive). */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || validTo.isAfter(day));
    }
}
