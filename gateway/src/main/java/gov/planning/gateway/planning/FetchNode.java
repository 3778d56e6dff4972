package gov.planning.gateway.planning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One request the plan makes to one subgraph: either root fields, or the fields of entities found at
 * {@link #path()} in the response so far, fetched through {@code _entities} with every representation found there.
 * Its {@link #children()} run after it, because they need the keys it fetches.
 */
public final class FetchNode {

    /** Prefix of every field the gateway adds to a subgraph selection for itself; never shown to clients. */
    public static final String INTERNAL = "_gw_";
    public static final String TYPENAME = INTERNAL + "typename";
    public static final String KEY = INTERNAL + "key_";

    private final String subgraph;
    private final String entityType;
    private final List<String> path;
    private final String typeFilter;
    private final List<String> keyFields;
    private final List<SelectionNode> fields = new ArrayList<>();
    private final Set<String> variables = new LinkedHashSet<>();
    private final List<FetchNode> children = new ArrayList<>();
    private String selection;

    FetchNode(String subgraph, String entityType, List<String> path, String typeFilter, List<String> keyFields) {
        this.subgraph = subgraph;
        this.entityType = entityType;
        this.path = List.copyOf(path);
        this.typeFilter = typeFilter;
        this.keyFields = List.copyOf(keyFields);
    }

    public String subgraph() {
        return subgraph;
    }

    /** Null for a root fetch. */
    public String entityType() {
        return entityType;
    }

    public boolean isRoot() {
        return entityType == null;
    }

    /** Response keys from the data root to the objects this fetch completes (lists are walked through). */
    public List<String> path() {
        return path;
    }

    /** When set, only objects whose {@code __typename} is this type are completed (fields under a type condition). */
    public String typeFilter() {
        return typeFilter;
    }

    /** The key fields of {@link #entityType()} in {@link #subgraph()}: what representations carry. */
    public List<String> keyFields() {
        return keyFields;
    }

    /** The client's fields this fetch answers, at its level: these become null when it fails. */
    public List<SelectionNode> fields() {
        return fields;
    }

    /** The client's variables its selection uses. */
    public Set<String> variables() {
        return variables;
    }

    public List<FetchNode> children() {
        return children;
    }

    /** The selection set sent to the subgraph, braces included. */
    public String selection() {
        return selection;
    }

    void selection(String text) {
        this.selection = text;
    }

    @Override
    public String toString() {
        return (isRoot() ? "Root" : "Entities<" + entityType + " at " + String.join(".", path) + ">") + "@" + subgraph + " "
                + selection + (children.isEmpty() ? "" : " then " + children);
    }
}
