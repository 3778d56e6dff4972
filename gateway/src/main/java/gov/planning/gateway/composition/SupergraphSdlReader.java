package gov.planning.gateway.composition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * Reads a supergraph SDL in the format Apollo's composition writes ({@code @link} to join v0.2–v0.5,
 * {@code join__Graph}, {@code @join__type}, {@code @join__field}, {@code @join__implements},
 * {@code @join__unionMember}) into the gateway's {@link Supergraph}: the routing facts from the join directives and
 * the API schema with everything {@code @inaccessible} and every federation internal removed.
 */
public final class SupergraphSdlReader {

    private static final Set<String> CLIENT_DIRECTIVES = Set.of("deprecated", "specifiedBy", "oneOf");

    public Supergraph read(String sdl) {
        Document document;
        try {
            document = new Parser().parseDocument(sdl);
        } catch (InvalidSyntaxException e) {
            throw new CompositionException(List.of("The supergraph SDL does not parse: " + e.getMessage()));
        }
        String inaccessible = linkedName(document, "inaccessible");
        Map<String, String> graphNames = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof EnumTypeDefinition e && e.getName().equals("join__Graph")) {
                for (EnumValueDefinition value : e.getEnumValueDefinitions()) {
                    Directive graph = value.getDirectives("join__graph").stream().findFirst().orElseThrow(
                            () -> new CompositionException(List.of("join__Graph." + value.getName() + " has no @join__graph")));
                    String name = string(graph, "name");
                    graphNames.put(value.getName(), name);
                    urls.put(name, string(graph, "url"));
                }
            }
        }
        if (graphNames.isEmpty()) {
            throw new CompositionException(List.of("The SDL is not a supergraph: it has no join__Graph enum"));
        }

        Map<String, TypeDefinition<?>> definitions = new LinkedHashMap<>();
        document.getDefinitionsOfType(TypeDefinition.class).forEach(t -> definitions.put(t.getName(), t));
        Map<String, Supergraph.TypeRouting> routing = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> possible = new LinkedHashMap<>();
        for (TypeDefinition<?> type : definitions.values()) {
            if (type instanceof ImplementingTypeDefinition<?> || type instanceof UnionTypeDefinition) {
                routing.put(type.getName(), routing(type, graphNames, possible));
            }
        }
        // Abstract types: what each subgraph can return for them, from @join__implements / @join__unionMember.
        possible.forEach((abstractType, bySubgraph) -> {
            Supergraph.TypeRouting target = routing.get(abstractType);
            if (target == null) {
                return;
            }
            bySubgraph.forEach((subgraph, members) -> target.subgraphs().computeIfPresent(subgraph,
                    (s, view) -> new Supergraph.SubgraphType(view.keys(), view.interfaceObject(), members)));
        });
        for (Supergraph.TypeRouting type : routing.values()) {
            if (definitions.get(type.name()) instanceof InterfaceTypeDefinition || definitions.get(type.name()) instanceof UnionTypeDefinition) {
                type.subgraphs().replaceAll((s, view) -> view.possibleTypes() != null || view.interfaceObject() ? view
                        : new Supergraph.SubgraphType(view.keys(), false, Set.of()));
            }
        }
        addInterfaceObjectFields(definitions, routing);

        GraphQLSchema schema = Composer.apiSchema(apiRegistry(document, inaccessible));
        return new Supergraph(schema, Composer.printApiSchema(schema), routing, List.copyOf(urls.keySet()), urls,
                implementations(definitions));
    }

    private static Map<String, List<String>> implementations(Map<String, TypeDefinition<?>> definitions) {
        Map<String, List<String>> implementations = new LinkedHashMap<>();
        for (TypeDefinition<?> type : definitions.values()) {
            if (type instanceof InterfaceTypeDefinition) {
                implementations.put(type.getName(), new ArrayList<>());
            } else if (type instanceof UnionTypeDefinition union) {
                implementations.put(type.getName(), union.getMemberTypes().stream().map(t -> ((TypeName) t).getName()).toList());
            }
        }
        for (TypeDefinition<?> type : definitions.values()) {
            if (type instanceof ObjectTypeDefinition object) {
                object.getImplements().forEach(i -> implementations.get(((TypeName) i).getName()).add(object.getName()));
            }
        }
        return implementations;
    }

    private static Supergraph.TypeRouting routing(TypeDefinition<?> type, Map<String, String> graphNames,
            Map<String, Map<String, Set<String>>> possible) {
        Map<String, Supergraph.SubgraphType> views = new LinkedHashMap<>();
        for (Directive joinType : type.getDirectives("join__type")) {
            String subgraph = graph(joinType, graphNames);
            Supergraph.SubgraphType view = views.getOrDefault(subgraph, new Supergraph.SubgraphType(List.of(), false, null));
            List<String> keys = new ArrayList<>(view.keys());
            String key = optionalString(joinType, "key");
            if (key != null && bool(joinType, "resolvable", true)) {
                keys.add(key);
            }
            views.put(subgraph, new Supergraph.SubgraphType(keys, view.interfaceObject() || bool(joinType, "isInterfaceObject", false), null));
        }
        for (Directive implementsDirective : type.getDirectives("join__implements")) {
            possible.computeIfAbsent(string(implementsDirective, "interface"), i -> new LinkedHashMap<>())
                    .computeIfAbsent(graph(implementsDirective, graphNames), s -> new LinkedHashSet<>()).add(type.getName());
        }
        for (Directive member : type.getDirectives("join__unionMember")) {
            possible.computeIfAbsent(type.getName(), i -> new LinkedHashMap<>())
                    .computeIfAbsent(graph(member, graphNames), s -> new LinkedHashSet<>()).add(string(member, "member"));
        }
        Map<String, Map<String, Supergraph.FieldSource>> fields = new LinkedHashMap<>();
        Map<String, String> fieldTypes = new LinkedHashMap<>();
        if (type instanceof ImplementingTypeDefinition<?> implementing) {
            for (FieldDefinition field : implementing.getFieldDefinitions()) {
                fieldTypes.put(field.getName(), namedType(field.getType()));
                Map<String, Supergraph.FieldSource> sources = new LinkedHashMap<>();
                List<Directive> joins = field.getDirectives("join__field");
                if (joins.isEmpty()) {
                    views.keySet().forEach(s -> sources.put(s, new Supergraph.FieldSource(type.getName(), null, null)));
                }
                for (Directive join : joins) {
                    if (join.getArgument("graph") == null || join.getArgument("graph").getValue() == null
                            || bool(join, "usedOverridden", false)) {
                        continue; // graph-less: added through @interfaceObject below
                    }
                    // Apollo's composition drops @external from the key fields of Fed 1 extensions; one still marked is
                    // not the subgraph's to answer, so it cannot give that key either (the subgraph may return anything
                    // there, as the audit's corrupted-supergraph-node-id shows): enter it by the key, never leave by it.
                    if (bool(join, "external", false)) {
                        continue;
                    }
                    String returnType = optionalString(join, "type");
                    String named = returnType == null ? null : returnType.replaceAll("[\\[\\]!]", "");
                    sources.put(graph(join, graphNames), new Supergraph.FieldSource(type.getName(), optionalString(join, "requires"),
                            optionalString(join, "provides"), named == null || named.equals(namedType(field.getType())) ? null : named,
                            returnType));
                }
                fields.put(field.getName(), sources);
            }
        }
        return new Supergraph.TypeRouting(type.getName(), views, fields, fieldTypes);
    }

    /**
     * A field an {@code @interfaceObject} subgraph adds to an interface appears on each implementation with a
     * graph-less {@code @join__field}: it is resolved by that subgraph, entered with the interface's name.
     */
    private static void addInterfaceObjectFields(Map<String, TypeDefinition<?>> definitions, Map<String, Supergraph.TypeRouting> routing) {
        for (TypeDefinition<?> type : definitions.values()) {
            if (!(type instanceof ImplementingTypeDefinition<?> implementing)) {
                continue;
            }
            for (FieldDefinition field : implementing.getFieldDefinitions()) {
                boolean graphless = field.getDirectives("join__field").stream()
                        .anyMatch(d -> d.getArgument("graph") == null || d.getArgument("graph").getValue() == null);
                if (!graphless) {
                    continue;
                }
                Map<String, Supergraph.FieldSource> sources = routing.get(type.getName()).fields().get(field.getName());
                for (Type<?> iface : implementing.getImplements()) {
                    String interfaceName = ((TypeName) iface).getName();
                    Supergraph.TypeRouting interfaceRouting = routing.get(interfaceName);
                    if (interfaceRouting == null) {
                        continue;
                    }
                    interfaceRouting.fields().getOrDefault(field.getName(), Map.of()).forEach((subgraph, source) -> {
                        Supergraph.SubgraphType view = interfaceRouting.subgraphs().get(subgraph);
                        if (view != null && view.interfaceObject()) {
                            sources.putIfAbsent(subgraph, new Supergraph.FieldSource(interfaceName, source.requires(), source.provides(),
                                    source.returnType(), source.declaredType()));
                        }
                    });
                }
            }
        }
    }

    /** The API schema: no join/link machinery, nothing {@code @inaccessible}, only client-facing directives. */
    private static TypeDefinitionRegistry apiRegistry(Document document, String inaccessible) {
        Set<String> hiddenTypes = new LinkedHashSet<>();
        for (TypeDefinition<?> type : document.getDefinitionsOfType(TypeDefinition.class)) {
            if (Composer.isFederationInternal(type.getName()) || hidden(type, inaccessible)) {
                hiddenTypes.add(type.getName());
            }
        }
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof DirectiveDefinition || definition instanceof SchemaDefinition) {
                continue;
            }
            if (!(definition instanceof TypeDefinition<?> type) || hiddenTypes.contains(type.getName())) {
                continue;
            }
            TypeDefinition<?> clean = clean(type, inaccessible, hiddenTypes);
            if (clean != null) {
                registry.add(clean);
            }
        }
        document.getDefinitionsOfType(SchemaDefinition.class).stream().findFirst().ifPresent(schema -> {
            List<OperationTypeDefinition> operations = schema.getOperationTypeDefinitions().stream()
                    .filter(o -> registry.getType(o.getTypeName().getName()).isPresent()).toList();
            registry.add(SchemaDefinition.newSchemaDefinition().operationTypeDefinitions(operations).build());
        });
        return registry;
    }

    private static TypeDefinition<?> clean(TypeDefinition<?> type, String inaccessible, Set<String> hiddenTypes) {
        if (type instanceof ObjectTypeDefinition object) {
            List<FieldDefinition> fields = fields(object.getFieldDefinitions(), inaccessible, hiddenTypes);
            return fields.isEmpty() ? null : object.transform(b -> b.directives(clientDirectives(object)).fieldDefinitions(fields)
                    .implementz(visible(object.getImplements(), hiddenTypes)));
        }
        if (type instanceof InterfaceTypeDefinition iface) {
            List<FieldDefinition> fields = fields(iface.getFieldDefinitions(), inaccessible, hiddenTypes);
            return iface.transform(b -> b.directives(clientDirectives(iface)).definitions(fields)
                    .implementz(visible(iface.getImplements(), hiddenTypes)));
        }
        if (type instanceof UnionTypeDefinition union) {
            return union.transform(b -> b.directives(clientDirectives(union)).memberTypes(visible(union.getMemberTypes(), hiddenTypes)));
        }
        if (type instanceof EnumTypeDefinition enumType) {
            return enumType.transform(b -> b.directives(clientDirectives(enumType)).enumValueDefinitions(enumType.getEnumValueDefinitions()
                    .stream().filter(v -> !hidden(v, inaccessible)).map(v -> v.transform(vb -> vb.directives(clientDirectives(v)))).toList()));
        }
        if (type instanceof InputObjectTypeDefinition input) {
            return input.transform(b -> b.directives(clientDirectives(input))
                    .inputValueDefinitions(arguments(input.getInputValueDefinitions(), inaccessible)));
        }
        if (type instanceof graphql.language.ScalarTypeDefinition scalar) {
            return scalar.transform(b -> b.directives(clientDirectives(scalar)));
        }
        return type;
    }

    private static List<FieldDefinition> fields(List<FieldDefinition> fields, String inaccessible, Set<String> hiddenTypes) {
        return fields.stream()
                .filter(f -> !hidden(f, inaccessible) && !hiddenTypes.contains(namedType(f.getType())))
                .map(f -> f.transform(b -> b.directives(clientDirectives(f)).inputValueDefinitions(arguments(f.getInputValueDefinitions(), inaccessible))))
                .toList();
    }

    private static List<InputValueDefinition> arguments(List<InputValueDefinition> arguments, String inaccessible) {
        return arguments.stream().filter(a -> !hidden(a, inaccessible)).map(a -> a.transform(b -> b.directives(clientDirectives(a)))).toList();
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static List<Type> visible(List<Type> types, Set<String> hiddenTypes) {
        return types.stream().filter(t -> !hiddenTypes.contains(((TypeName) t).getName())).toList();
    }

    private static List<Directive> clientDirectives(DirectivesContainer<?> element) {
        return element.getDirectives().stream().filter(d -> CLIENT_DIRECTIVES.contains(d.getName())).toList();
    }

    private static boolean hidden(DirectivesContainer<?> element, String inaccessible) {
        return !element.getDirectives(inaccessible).isEmpty();
    }

    private static String namedType(Type<?> type) {
        return graphql.language.AstPrinter.printAst(type).replaceAll("[\\[\\]!]", "");
    }

    /** The local name a spec {@code @link}ed under {@code as:} (or its default name). */
    private static String linkedName(Document document, String feature) {
        for (SchemaDefinition schema : document.getDefinitionsOfType(SchemaDefinition.class)) {
            for (Directive link : schema.getDirectives("link")) {
                String url = optionalString(link, "url");
                if (url != null && url.contains("/" + feature + "/")) {
                    String as = optionalString(link, "as");
                    return as != null ? as : feature;
                }
            }
        }
        return feature;
    }

    private static String graph(Directive directive, Map<String, String> graphNames) {
        Value<?> value = directive.getArgument("graph").getValue();
        String enumName = value instanceof EnumValue e ? e.getName() : String.valueOf(value);
        String name = graphNames.get(enumName);
        if (name == null) {
            throw new CompositionException(List.of("@" + directive.getName() + " names graph " + enumName + ", which join__Graph lacks"));
        }
        return name;
    }

    private static String string(Directive directive, String argument) {
        String value = optionalString(directive, argument);
        if (value == null) {
            throw new CompositionException(List.of("@" + directive.getName() + " lacks its " + argument + " argument"));
        }
        return value;
    }

    private static String optionalString(Directive directive, String argument) {
        Argument a = directive.getArgument(argument);
        return a != null && a.getValue() instanceof StringValue s ? s.getValue() : null;
    }

    private static boolean bool(Directive directive, String argument, boolean fallback) {
        Argument a = directive.getArgument(argument);
        return a != null && a.getValue() instanceof BooleanValue b ? b.isValue() : fallback;
    }
}
