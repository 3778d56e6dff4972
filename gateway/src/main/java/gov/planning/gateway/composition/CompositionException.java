package gov.planning.gateway.composition;

import java.util.List;

/** The subgraph schemas cannot be merged; every message names the type or field and the subgraphs involved. */
public class CompositionException extends RuntimeException {

    private final List<String> conflicts;

    public CompositionException(List<String> conflicts) {
        super("Supergraph composition failed:\n  - " + String.join("\n  - ", conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<String> conflicts() {
        return conflicts;
    }
}
