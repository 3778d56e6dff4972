package gov.planning.gateway.planning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;

import gov.planning.gateway.composition.Supergraph;

/**
 * Turns a normalized operation into fetches. A field is fetched from the subgraph that fetched its parent object
 * when that subgraph resolves it (or {@code @provides} it on that path); otherwise the parent fetch also selects the
 * entity's key, and the field goes into an entity fetch to a subgraph that can be entered at the parent's type. All
 * fields of one parent position that go to the same subgraph share that entity fetch. Fields a target
 * {@code @requires} are fetched first (from wherever they resolve) and sent in the representations. Selections on
 * interfaces and unions are planned per object type the subgraph can return; a subgraph that sees an interface as
 * an {@code @interfaceObject} is completed by a subgraph that knows its implementations.
 */
public final class QueryPlanner {

    /** How many fetches may chain to gather one entity fetch's key and required fields. */
    private static final int MAX_SUPPLY_DEPTH = 4;

    private final Supergraph supergraph;

    /** Response keys aliased (as {@link FetchNode#ALIASED} + key) in the type fragment being planned. */
    private Set<String> aliased = Set.of();

    /**
     * The subgraphs that could be answering the selection being planned (null: only the one asked): a shareable
     * field reached through an entity or a shared root field could come from any subgraph resolving it, and a union
     * member only some of them know is not safe to ask for (see {@link #candidatesBelow}).
     */
    private Set<String> candidates = null;

    /** Fields sent to an entity fetch together with what they {@code @require}: resolvable there. */
    private final Set<SelectionNode> requiresSent = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    public QueryPlan plan(NormalizedOperation operation) {
        List<FetchNode> roots = new ArrayList<>();
        boolean mutation = operation.kind() == OperationDefinition.Operation.MUTATION;
        FetchNode last = null;
        for (SelectionNode field : operation.rootFields()) {
            if (field.isIntrospection() || field.isTypename()) {
                continue; // answered by the gateway itself
            }
            List<String> owners = supergraph.rootOwners(operation.rootType(), field.fieldName());
            if (owners.isEmpty()) {
                throw new RequestException("QUERY_PLANNING_FAILED", "No subgraph owns " + operation.rootType() + "." + field.fieldName());
            }
            Map<String, SelectionNode> parts = mutation ? Map.of(owners.get(0), field) : splitSharedRoot(owners, field);
            for (Map.Entry<String, SelectionNode> part : parts.entrySet()) {
                String owner = part.getKey();
                // A query sends all of a subgraph's root fields at once; a mutation only groups neighbours, keeping order.
                FetchNode fetch = mutation ? (last != null && last.subgraph().equals(owner) ? last : null)
                        : roots.stream().filter(r -> r.subgraph().equals(owner)).findFirst().orElse(null);
                if (fetch == null) {
                    fetch = new FetchNode(owner, null, List.of(), null, null);
                    roots.add(fetch);
                }
                fetch.fields().add(part.getValue());
                last = fetch;
            }
        }
        for (FetchNode root : roots) {
            root.selectionSet(SelectionSet.newSelectionSet(
                    objectSelections(root.subgraph(), operation.rootType(), root.fields(), List.of(), root, null, null, null)).build());
        }
        operation.rootFields().forEach(SelectionNode::freeze);
        roots.forEach(FetchNode::freeze);
        return new QueryPlan(operation.readOnly(), roots);
    }

    /**
     * A root field several subgraphs resolve goes to the one that resolves most of its selection; sub-fields that
     * one cannot reach (a value type without key) are asked of another owner with the same root field, and the
     * answers merge.
     */
    private Map<String, SelectionNode> splitSharedRoot(List<String> owners, SelectionNode field) {
        if (owners.size() == 1 || !field.isComposite()) {
            return Map.of(owners.get(0), field);
        }
        String best = owners.stream().max((a, b) -> Long.compare(coverage(a, field), coverage(b, field))).orElseThrow();
        if (coverage(best, field) == field.children().size()) {
            return Map.of(best, field);
        }
        Map<String, SelectionNode> parts = new LinkedHashMap<>();
        SelectionNode main = field.withChildren(List.of());
        parts.put(best, main);
        for (SelectionNode child : field.children()) {
            String type = child.typeCondition();
            boolean local = child.isTypename() || supergraph.resolves(best, type, child.fieldName());
            if (local || !supergraph.sources(type, child.fieldName()).keySet().stream()
                    .filter(s -> !supergraph.keys(s, type).isEmpty()).toList().isEmpty()) {
                main.children().add(child);
                continue;
            }
            String other = owners.stream().filter(o -> supergraph.resolves(o, type, child.fieldName())).findFirst().orElse(best);
            parts.computeIfAbsent(other, o -> field.withChildren(List.of())).children().add(child);
        }
        return parts;
    }

    private long coverage(String subgraph, SelectionNode field) {
        return field.children().stream()
                .filter(c -> c.isTypename() || supergraph.resolves(subgraph, c.typeCondition(), c.fieldName())).count();
    }

    /** The selection of {@code fields} on objects of {@code parentType}, as {@code subgraph} is asked for them. */
    private SelectionSet selectionSet(String subgraph, String parentType, List<SelectionNode> fields, List<String> path, FetchNode owner,
            SelectionSet provided, List<SelectionNode> unresolved) {
        List<Selection> selections = new ArrayList<>();
        selections.add(Field.newField("__typename").alias(FetchNode.TYPENAME).build());
        if (supergraph.isInterfaceObject(subgraph, parentType)) {
            selections.addAll(objectSelections(subgraph, parentType, fields, path, owner, null, provided, unresolved));
        } else if (!supergraph.isAbstract(parentType)) {
            List<SelectionNode> applicable = fields.stream().filter(f -> applies(f.typeCondition(), parentType)).toList();
            selections.addAll(objectSelections(subgraph, parentType, applicable, path, owner, null, provided, unresolved));
        } else {
            if (supergraph.possibleTypes(parentType).isEmpty() && unresolved != null) {
                // An interface nothing implements: what the subgraph does not resolve on it has no type to be
                // fetched by; the level above fails the plan (the audit's non-resolvable-interface-object).
                fields.stream().filter(f -> !f.isTypename() && !f.isIntrospection()
                        && !supergraph.resolves(subgraph, parentType, f.fieldName())).forEach(unresolved::add);
            }
            Map<String, String> declared = new LinkedHashMap<>();
            for (String type : supergraph.possibleTypes(subgraph, parentType)) {
                if (!everyCandidateKnows(parentType, type)) {
                    continue; // its fields stay null, as they would be had another candidate answered
                }
                List<SelectionNode> applicable = fields.stream().filter(f -> applies(f.typeCondition(), type)).toList();
                if (!applicable.isEmpty()) {
                    // One response key with different types in this subgraph (ID vs ID!) cannot share a selection set
                    // unaliased; the response shaper finds the aliased value under ALIASED + key.
                    Set<String> outer = aliased;
                    aliased = new LinkedHashSet<>();
                    for (SelectionNode field : applicable) {
                        String typeText = declaredType(subgraph, type, field);
                        if (!declared.computeIfAbsent(field.responseKey(), k -> typeText).equals(typeText)) {
                            aliased.add(field.responseKey());
                        }
                    }
                    List<Selection> inner = objectSelections(subgraph, type, applicable, path, owner, type, provided, unresolved);
                    aliased = outer;
                    if (!inner.isEmpty()) {
                        selections.add(InlineFragment.newInlineFragment().typeCondition(TypeName.newTypeName(type).build())
                                .selectionSet(SelectionSet.newSelectionSet(inner).build()).build());
                    }
                }
            }
        }
        return SelectionSet.newSelectionSet(selections).build();
    }

    private String declaredType(String subgraph, String type, SelectionNode field) {
        Supergraph.FieldSource source = supergraph.sources(type, field.fieldName()).get(subgraph);
        if (source != null && source.declaredType() != null) {
            return source.declaredType();
        }
        return field.type() == null ? String.valueOf(field.namedType()) : graphql.schema.GraphQLTypeUtil.simplePrint(field.type());
    }

    private boolean applies(String condition, String objectType) {
        return condition.equals(objectType) || supergraph.possibleTypes(condition).contains(objectType);
    }

    /** An entity fetch being assembled at one parent position. */
    private static final class Jump {
        final String subgraph;
        final String entityType;
        final String key;
        final List<SelectionNode> fields = new ArrayList<>();
        final Set<String> requires = new LinkedHashSet<>();
        final int depth;
        /** Fetches completing nested parts of its key or required fields, selected by the parent fetch. */
        final List<FetchNode> waitsFor = new ArrayList<>();
        FetchNode fetch;

        Jump(String subgraph, String entityType, String key, int depth) {
            this.subgraph = subgraph;
            this.entityType = entityType;
            this.key = key;
            this.depth = depth;
        }
    }

    /**
     * Field selections (without braces) of {@code fields} on objects of one type {@code type} held by {@code subgraph};
     * what it cannot resolve becomes entity fetches depending on {@code owner}. A field no subgraph can be entered
     * for by key here goes to {@code unresolved}, for the level above to fetch its parent field from another
     * subgraph (or, with no such level, fails the plan); fields an entity fetch in turn cannot complete are planned
     * again here, excluding the subgraphs already tried.
     *
     * @param typeFilter the object type the selection is under a type condition for, or null
     */
    private List<Selection> objectSelections(String subgraph, String type, List<SelectionNode> fields, List<String> path, FetchNode owner,
            String typeFilter, SelectionSet provided, List<SelectionNode> unresolved) {
        // by response key and field name: a field planned twice (a later round) is selected twice, which GraphQL merges
        Map<String, List<Selection>> selected = new LinkedHashMap<>();
        boolean interfaceObject = supergraph.isInterfaceObject(subgraph, type);
        Map<SelectionNode, Set<String>> tried = new IdentityHashMap<>();
        Deque<SelectionNode> work = new ArrayDeque<>(fields);
        for (int round = 0; !work.isEmpty(); round++) {
            String purpose = round == 0 ? "" : "round " + round; // later rounds never add to an already planned fetch
            Map<String, Jump> jumps = new LinkedHashMap<>();
            while (!work.isEmpty()) {
                SelectionNode field = work.poll();
                Set<String> excluded = tried.getOrDefault(field, Set.of());
                if (field.isIntrospection() || field.isTypename() && !interfaceObject) {
                    continue; // the response shaper answers __typename from the _gw_typename every selection carries
                }
                if (!field.isTypename() && (!interfaceObject || field.typeCondition().equals(type)) && !excluded.contains(subgraph)
                        && resolvesHere(subgraph, type, field, provided)) {
                    List<SelectionNode> missing = new ArrayList<>();
                    selected.computeIfAbsent(field.responseKey() + " " + field.fieldName(), k -> new ArrayList<>())
                            .add(subgraphField(subgraph, type, field, path, owner, provided, missing));
                    if (!missing.isEmpty()) {
                        SelectionNode rest = field.withChildren(missing);
                        tried.put(rest, with(excluded, subgraph));
                        work.add(rest);
                    }
                    continue;
                }
                Jump jump = interfaceObject && (field.isTypename() || !field.typeCondition().equals(type))
                        ? jumpToInterfaceOwner(subgraph, type, jumps)
                        : jumpFor(subgraph, type, field, jumps, purpose + requiresOf(type, field), 0, with(excluded, subgraph));
                if (jump == null) {
                    if (unresolved != null) {
                        unresolved.add(field);
                        continue;
                    }
                    throw new RequestException("QUERY_PLANNING_FAILED", type + "." + field.fieldName() + " cannot be reached from "
                            + subgraph + ": no subgraph resolving it has a key " + subgraph + " can provide");
                }
                SelectionNode planned = jump.entityType.equals(type) || field.isTypename() ? field : field.on(jump.entityType);
                tried.put(planned, excluded);
                jump.fields.add(planned);
                String requires = supergraph.sources(type, field.fieldName()).getOrDefault(jump.subgraph,
                        new Supergraph.FieldSource(type, null, null)).requires();
                if (requires != null) {
                    jump.requires.add(requires);
                }
            }
            Map<Jump, List<Jump>> suppliers = new LinkedHashMap<>();
            for (Jump failed : gatherNeeds(subgraph, type, path, owner, provided, selected, jumps, purpose, suppliers)) {
                jumps.values().remove(failed);
                suppliers.remove(failed);
                for (SelectionNode node : failed.fields) {
                    if (!node.responseKey().startsWith(FetchNode.KEY)) {
                        tried.put(node, with(tried.getOrDefault(node, Set.of()), subgraph, failed.subgraph));
                        work.add(node); // planned again without the subgraph whose key or requirements cannot be met
                    }
                }
            }
            for (Jump jump : jumps.values()) {
                jump.fetch = new FetchNode(jump.subgraph, jump.entityType, path, typeFilter, fieldSet(jump.key));
                jump.requires.forEach(r -> jump.fetch.requires().add(fieldSet(r)));
                jump.fetch.fields().addAll(jump.fields);
            }
            for (Jump jump : jumps.values()) {
                requiresSent.addAll(jump.fields);
                List<SelectionNode> missing = new ArrayList<>();
                Set<String> outerCandidates = candidates;
                candidates = null; // the entity fetch asks one subgraph by key
                jump.fetch.selectionSet(selectionSet(jump.subgraph, jump.entityType, jump.fields, path, jump.fetch, null, missing));
                candidates = outerCandidates;
                for (SelectionNode node : missing) {
                    tried.put(node, with(tried.getOrDefault(node, Set.of()), subgraph, jump.subgraph));
                    work.add(node);
                }
                if (!missing.containsAll(jump.fields) || jump.fields.isEmpty()) {
                    jump.fetch.dependOn(owner);
                } else {
                    suppliers.remove(jump); // nothing left for it to fetch
                }
            }
            // A supplied field may itself be completed by fetches further down (a nested required field): wait for
            // those too, but not for this level's other entity fetches (they may wait for the same supplier).
            Set<FetchNode> level = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            jumps.values().forEach(j -> level.add(j.fetch));
            Map<Jump, List<FetchNode>> completing = new IdentityHashMap<>();
            suppliers.values().forEach(list -> list.forEach(supplier -> completing.computeIfAbsent(supplier, s -> {
                List<FetchNode> found = new ArrayList<>();
                descendants(s.fetch, found, level);
                return found;
            })));
            suppliers.forEach((jump, list) -> list.forEach(supplier -> completing.get(supplier).forEach(jump.fetch::dependOn)));
            for (Jump jump : jumps.values()) {
                for (FetchNode nested : jump.waitsFor) {
                    List<FetchNode> found = new ArrayList<>();
                    descendants(nested, found, level);
                    found.forEach(jump.fetch::dependOn);
                }
            }
        }
        return selected.values().stream().flatMap(List::stream).toList();
    }

    /** Fields with different requirements go to different fetches: each representation carries one set. */
    private String requiresOf(String type, SelectionNode field) {
        return supergraph.sources(type, field.fieldName()).values().stream().map(Supergraph.FieldSource::requires)
                .filter(java.util.Objects::nonNull).map(r -> " requires " + r).collect(Collectors.joining());
    }

    private static Set<String> with(Set<String> set, String... more) {
        Set<String> result = new LinkedHashSet<>(set);
        result.addAll(List.of(more));
        return result;
    }

    /**
     * Makes sure every entity fetch can send its key and required fields: selected here when this subgraph resolves
     * them, else fetched first by supplier fetches (which may need suppliers of their own).
     *
     * @return the entity fetches whose key or required fields nobody can give (with those that depend on them)
     */
    private Set<Jump> gatherNeeds(String subgraph, String type, List<String> path, FetchNode owner, SelectionSet provided,
            Map<String, List<Selection>> selected, Map<String, Jump> jumps, String purpose, Map<Jump, List<Jump>> suppliers) {
        Deque<Jump> pending = new ArrayDeque<>(jumps.values());
        Set<Jump> failed = new LinkedHashSet<>();
        Map<String, List<FetchNode>> nestedSuppliers = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            Jump jump = pending.poll();
            List<String> needs = new ArrayList<>();
            needs.add(jump.key);
            needs.addAll(jump.requires);
            for (String fieldSet : needs) {
                for (SelectionNode need : internalFields(fieldSet, type)) {
                    if (resolvesHere(subgraph, type, need, provided)) {
                        String key = need.responseKey() + " " + need.fieldName();
                        if (!selected.containsKey(key)) {
                            int before = owner.children().size();
                            selected.put(key, List.of(subgraphField(subgraph, type, need, path, owner, provided, null)));
                            // parts of a nested key may come from other subgraphs: those fetches complete it
                            nestedSuppliers.put(key, new ArrayList<>(owner.children().subList(before, owner.children().size())));
                        }
                        nestedSuppliers.getOrDefault(key, List.of()).forEach(f -> jump.waitsFor.add(f));
                        continue;
                    }
                    Jump supplier = jump.depth >= MAX_SUPPLY_DEPTH ? null
                            : jumpFor(subgraph, type, need, jumps, "for " + jump.subgraph + jump.depth + purpose, jump.depth + 1, Set.of(subgraph));
                    if (supplier == null || supplier == jump) {
                        failed.add(jump);
                        continue;
                    }
                    if (supplier.fields.stream().noneMatch(f -> f.responseKey().equals(need.responseKey()))) {
                        supplier.fields.add(need);
                        String requires = supergraph.sources(type, need.fieldName()).get(supplier.subgraph).requires();
                        if (requires != null) {
                            supplier.requires.add(requires);
                        }
                        pending.add(supplier);
                    }
                    suppliers.computeIfAbsent(jump, j -> new ArrayList<>()).add(supplier);
                }
            }
        }
        for (boolean grew = true; grew;) {
            grew = false;
            for (Map.Entry<Jump, List<Jump>> entry : suppliers.entrySet()) {
                if (!failed.contains(entry.getKey()) && entry.getValue().stream().anyMatch(failed::contains)) {
                    grew |= failed.add(entry.getKey());
                }
            }
        }
        return failed;
    }

    private static void descendants(FetchNode fetch, List<FetchNode> out, Set<FetchNode> stopAt) {
        if (!out.contains(fetch)) {
            out.add(fetch);
            fetch.children().stream().filter(c -> !stopAt.contains(c)).forEach(child -> descendants(child, out, stopAt));
        }
    }

    /** A field the subgraph {@code @requires} something for is only resolved through {@code _entities}, with it. */
    private boolean resolvesHere(String subgraph, String type, SelectionNode field, SelectionSet provided) {
        if (providedField(provided, type, field.fieldName()) != null) {
            return true;
        }
        Supergraph.FieldSource source = supergraph.sources(type, field.fieldName()).get(subgraph);
        return supergraph.resolves(subgraph, type, field.fieldName()) && (source.requires() == null || requiresSent.contains(field));
    }

    /** The field as the subgraph is asked for it: always aliased to its response key (or the gateway's own key). */
    private Field subgraphField(String subgraph, String type, SelectionNode field, List<String> path, FetchNode owner, SelectionSet provided,
            List<SelectionNode> missing) {
        String alias = (aliased.contains(field.responseKey()) ? FetchNode.ALIASED : "") + field.responseKey();
        field.arguments().forEach(a -> collectVariables(a.getValue(), owner));
        Field.Builder asked = Field.newField(field.fieldName()).alias(alias).arguments(field.arguments());
        if (field.isComposite()) {
            Set<String> outer = aliased;
            aliased = Set.of();
            List<String> childPath = new ArrayList<>(path);
            childPath.add(alias);
            Field providedHere = providedField(provided, type, field.fieldName());
            SelectionSet childProvided = providedHere != null ? providedHere.getSelectionSet() : null;
            Supergraph.FieldSource source = supergraph.sources(type, field.fieldName()).get(subgraph);
            if (source != null && source.provides() != null) {
                childProvided = fieldSet(source.provides());
            }
            String childType = source != null && source.returnType() != null ? source.returnType() : field.namedType();
            Set<String> outerCandidates = candidates;
            candidates = candidatesBelow(subgraph, type, field);
            asked.selectionSet(selectionSet(subgraph, childType, field.children(), childPath, owner, childProvided, missing));
            candidates = outerCandidates;
            aliased = outer;
        }
        return asked.build();
    }

    /**
     * The subgraphs that could answer {@code field} of {@code type} objects held by {@code subgraph}: itself, and every
     * other subgraph resolving it that a router could be asking instead: any, for a shared root field or a field of an
     * entity (entered by key), and for a value type only those already candidates for the object.
     */
    private Set<String> candidatesBelow(String subgraph, String type, SelectionNode field) {
        Set<String> below = new LinkedHashSet<>();
        below.add(subgraph);
        boolean enterable = type.equals("Query");
        for (String other : supergraph.sources(type, field.fieldName()).keySet()) {
            if (enterable || candidates != null && candidates.contains(other) || !supergraph.keys(other, type).isEmpty()) {
                below.add(other);
            }
        }
        return below;
    }

    /** Whether every candidate subgraph of the selection can return {@code member} where it returns the union. */
    private boolean everyCandidateKnows(String union, String member) {
        if (candidates == null || !(supergraph.apiSchema().getType(union) instanceof graphql.schema.GraphQLUnionType)) {
            return true;
        }
        return candidates.stream().allMatch(c -> supergraph.possibleTypes(c, union).contains(member));
    }

    /** The field of a {@code @provides} field set that applies to objects of {@code type}, if it names this field. */
    private Field providedField(SelectionSet provided, String type, String fieldName) {
        if (provided == null) {
            return null;
        }
        for (Selection<?> selection : provided.getSelections()) {
            if (selection instanceof Field field && field.getName().equals(fieldName)) {
                return field;
            }
            if (selection instanceof InlineFragment fragment && fragment.getTypeCondition() != null
                    && applies(fragment.getTypeCondition().getName(), type)) {
                Field inner = providedField(fragment.getSelectionSet(), type, fieldName);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /**
     * The entity fetch for {@code field} of {@code type} objects held by {@code from}: to a subgraph resolving it with
     * a resolvable key, preferring one whose key {@code from} can give itself, then one that also resolves the
     * field's own sub-fields.
     */
    private Jump jumpFor(String from, String type, SelectionNode field, Map<String, Jump> jumps, String purpose, int depth,
            Set<String> excluded) {
        String best = null;
        String bestKey = null;
        String bestEntity = null;
        int bestScore = -1;
        for (Map.Entry<String, Supergraph.FieldSource> source : supergraph.sources(type, field.fieldName()).entrySet()) {
            String target = source.getKey();
            String entityType = source.getValue().entityType();
            boolean selfWithRequires = target.equals(from) && source.getValue().requires() != null;
            if (excluded.contains(target) && !selfWithRequires) {
                continue;
            }
            boolean children = field.children().stream()
                    .allMatch(c -> c.isTypename() || supergraph.resolves(target, c.typeCondition(), c.fieldName()));
            for (String key : supergraph.keys(target, entityType)) {
                boolean local = internalFields(key, type).stream().allMatch(k -> supergraph.resolves(from, type, k.fieldName()));
                int score = (local ? 2 : 0) + (children ? 1 : 0);
                if (score > bestScore) {
                    best = target;
                    bestKey = key;
                    bestEntity = entityType;
                    bestScore = score;
                }
            }
        }
        if (best == null) {
            return null;
        }
        String target = best;
        String key = bestKey;
        String entityType = bestEntity;
        return jumps.computeIfAbsent(target + " " + entityType + " " + key + " " + purpose, id -> new Jump(target, entityType, key, depth));
    }

    /** Objects of an interface a subgraph sees as an {@code @interfaceObject} learn their real type from its owner. */
    private Jump jumpToInterfaceOwner(String from, String interfaceType, Map<String, Jump> jumps) {
        for (String subgraph : supergraph.subgraphs()) {
            Supergraph.SubgraphType view = supergraph.view(subgraph, interfaceType);
            if (view == null || view.interfaceObject() || view.keys().isEmpty() || subgraph.equals(from)) {
                continue;
            }
            String key = view.keys().get(0);
            return jumps.computeIfAbsent(subgraph + " " + interfaceType + " " + key + " ", id -> new Jump(subgraph, interfaceType, key, 0));
        }
        return null;
    }

    /** The fields of a key or {@code @requires} field set, as the gateway's own fields ({@code _gw_key_<name>}). */
    private List<SelectionNode> internalFields(String fieldSet, String type) {
        List<SelectionNode> nodes = new ArrayList<>();
        for (Selection<?> selection : fieldSet(fieldSet).getSelections()) {
            if (selection instanceof Field field) {
                nodes.add(internalNode(FetchNode.internalAlias(field), field, type));
            }
        }
        return nodes;
    }

    private SelectionNode internalNode(String responseKey, Field field, String type) {
        String named = supergraph.fieldType(type, field.getName());
        SelectionNode node = new SelectionNode(responseKey, field.getName(), field.getArguments(), type, named, field.getSelectionSet() != null);
        if (field.getSelectionSet() != null) {
            addInternalChildren(field.getSelectionSet(), named, node.children());
        }
        return node;
    }

    private void addInternalChildren(SelectionSet selectionSet, String type, List<SelectionNode> out) {
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                if (!field.getName().equals("__typename")) {
                    out.add(internalNode(field.getName(), field, type));
                }
            } else if (selection instanceof InlineFragment fragment) {
                addInternalChildren(fragment.getSelectionSet(), fragment.getTypeCondition() == null ? type
                        : fragment.getTypeCondition().getName(), out);
            }
        }
    }

    private SelectionSet fieldSet(String fieldSet) {
        return supergraph.fieldSet(fieldSet);
    }

    /** Variables the client's arguments use are declared in the subgraph operation. */
    private static void collectVariables(Value<?> value, FetchNode owner) {
        if (value instanceof VariableReference reference) {
            owner.variables().add(reference.getName());
        } else if (value instanceof ArrayValue array) {
            array.getValues().forEach(v -> collectVariables(v, owner));
        } else if (value instanceof ObjectValue object) {
            object.getObjectFields().stream().map(ObjectField::getValue).forEach(v -> collectVariables(v, owner));
        }
    }
}
