package gov.planning.gateway.planning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import graphql.language.SelectionSet;

/**
 * One request the plan makes to one subgraph: either root fields, or the fields of entities found at
 * {@link #path()} in the response so far, fetched through {@code _entities} with every representation found there.
 * It runs after every fetch in {@link #dependencies()}: the one that found the entities and those that fetch the
 * fields its representations need ({@code @requires}, or keys its parent subgraph cannot give).
 */
public final class FetchNode {

    /** Prefix of every field the gateway adds to a subgraph selection for itself; never shown to clients. */
    public static final String INTERNAL = "_gw_";
    public static final String TYPENAME = INTERNAL + "typename";
    public static final String KEY = INTERNAL + "key_";
    /** Prefix of a client field aliased because another type's field of the same name has another type there. */
    public static final String ALIASED = INTERNAL + "as_";

    private final String subgraph;
    private final String entityType;
    private final List<String> path;
    private final String typeFilter;
    private final SelectionSet key;
    // Built up by the planner, then frozen (unmodifiable) before the plan is used or cached: plans are shared by
    // concurrent requests.
    private List<SelectionSet> requires = new ArrayList<>();
    private List<SelectionNode> fields = new ArrayList<>();
    private Set<String> variables = new LinkedHashSet<>();
    private List<FetchNode> dependencies = new ArrayList<>();
    private List<FetchNode> children = new ArrayList<>();
    private SelectionSet selectionSet;
    private String selection;
    private boolean frozen;

    /**
     * Where the gateway puts a key or required field it selects for itself: {@code _gw_key_<name>}, plus a digest
     * of the arguments when there are any (two requirements may need the same field with different arguments).
     */
    public static String internalAlias(graphql.language.Field field) {
        return ALIASES.get(field, FetchNode::alias);
    }

    /**
     * Per field set field (parsed once per supergraph; by identity, weakly, so a replaced supergraph's go): building
     * the name and hashing the new string again for every entity of every request was a visible share of the CPU.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<graphql.language.Field, String> ALIASES =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().build();

    private static String alias(graphql.language.Field field) {
        if (field.getArguments().isEmpty()) {
            return KEY + field.getName();
        }
        String arguments = field.getArguments().stream().map(graphql.language.AstPrinter::printAst).sorted()
                .collect(java.util.stream.Collectors.joining(","));
        return KEY + field.getName() + "_" + Integer.toHexString(arguments.hashCode());
    }

    FetchNode(String subgraph, String entityType, List<String> path, String typeFilter, SelectionSet key) {
        this.subgraph = subgraph;
        this.entityType = entityType;
        this.path = List.copyOf(path);
        this.typeFilter = typeFilter;
        this.key = key;
    }

    public String subgraph() {
        return subgraph;
    }

    /** The {@code __typename} its representations carry; null for a root fetch. */
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

    /** When set, only objects whose {@code __typename} is this type are completed. */
    public String typeFilter() {
        return typeFilter;
    }

    /** The key its representations carry; an object with a null key field is not sent. */
    public SelectionSet key() {
        return key;
    }

    /** Top-level key field names (flat keys), for diagnostics and tests. */
    public List<String> keyFields() {
        return key == null ? List.of() : key.getSelections().stream()
                .filter(s -> s instanceof graphql.language.Field).map(s -> ((graphql.language.Field) s).getName()).toList();
    }

    /** Field sets its representations also carry for {@code @requires} (null values allowed). */
    public List<SelectionSet> requires() {
        return requires;
    }

    /** The fields this fetch answers at its level (the client's, and the gateway's own key/required fields). */
    public List<SelectionNode> fields() {
        return fields;
    }

    /** The client's variables its selection uses. */
    public Set<String> variables() {
        return variables;
    }

    public List<FetchNode> dependencies() {
        return dependencies;
    }

    /** The fetches that wait for this one. */
    public List<FetchNode> children() {
        return children;
    }

    void dependOn(FetchNode other) {
        if (other != this && !dependencies.contains(other)) {
            dependencies.add(other);
            other.children.add(this);
        }
    }

    /** The selection set sent to the subgraph (for an entity fetch: inside {@code ... on <entityType>}). */
    public SelectionSet selectionSet() {
        return selectionSet;
    }

    void selectionSet(SelectionSet selectionSet) {
        this.selectionSet = selectionSet;
    }

    /** {@link #selectionSet()} as GraphQL text, printed once (for logs and tests). */
    public String selection() {
        return selection != null ? selection : selectionSet == null ? null : graphql.language.AstPrinter.printAstCompact(selectionSet);
    }

    /** Makes this fetch, the fetches after it and their selections read-only. */
    void freeze() {
        if (frozen) {
            return;
        }
        frozen = true;
        selection = selection();
        requires = java.util.Collections.unmodifiableList(new ArrayList<>(requires));
        fields = java.util.Collections.unmodifiableList(new ArrayList<>(fields));
        variables = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(variables));
        dependencies = java.util.Collections.unmodifiableList(new ArrayList<>(dependencies));
        children = java.util.Collections.unmodifiableList(new ArrayList<>(children));
        fields.forEach(SelectionNode::freeze);
        children.forEach(FetchNode::freeze);
    }

    @Override
    public String toString() {
        return (isRoot() ? "Root" : "Entities<" + entityType + " at " + String.join(".", path)
                + (typeFilter == null ? "" : " if " + typeFilter) + ">") + "@" + subgraph + " " + selection
                + (dependencies.size() > 1 ? " after " + dependencies.size() + " fetches" : "")
                + (children.isEmpty() ? "" : " then " + children);
    }
}
