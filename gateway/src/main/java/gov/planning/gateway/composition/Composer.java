package gov.planning.gateway.composition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.errors.SchemaProblem;

/**
 * Merges federation v2 subgraph schemas into a supergraph. Pure (no I/O), so conflicts are unit-tested directly.
 * <p>
 * Rules: types merge by name and must be the same kind; a field defined by several subgraphs must have the same
 * named type and list structure (clients see it nullable if any subgraph declares it nullable) and the same
 * argument types everywhere (it is then resolvable by each of them, as federation's shareable fields);
 * enums must have the same values and input types the same fields, because the gateway forwards arguments to a
 * single subgraph and a value one subgraph accepts must not be refused by another; a root field belongs to exactly
 * one subgraph; a field marked {@code @inaccessible} is left out of the API schema. Federation's own machinery ({@code _entities}, {@code _service}, {@code _Any}, {@code link__*},
 * directive definitions and applications) never reaches the API schema clients see.
 */
public final class Composer {

    private static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation");

    /** Compose in the given order: the first subgraph defining a type also gives its description and field order. */
    public Supergraph compose(List<SubgraphSdl> subgraphs) {
        List<String> conflicts = new ArrayList<>();
        Map<String, Merged> merged = new LinkedHashMap<>();
        for (SubgraphSdl subgraph : subgraphs) {
            TypeDefinitionRegistry registry;
            try {
                registry = new SchemaParser().parse(subgraph.sdl());
            } catch (SchemaProblem e) {
                conflicts.add("Subgraph " + subgraph.name() + " answered an SDL that does not parse: " + e.getMessage());
                continue;
            }
            List<TypeDefinition<?>> definitions = new ArrayList<>();
            registry.types().values().forEach(definitions::add);
            registry.scalars().values().stream()
                    .filter(s -> !ScalarInfo.isGraphqlSpecifiedScalar(s.getName())).forEach(definitions::add);
            registry.objectTypeExtensions().values().forEach(definitions::addAll);
            for (TypeDefinition<?> definition : definitions) {
                if (isFederationInternal(definition.getName())) {
                    continue;
                }
                Merged target = merged.computeIfAbsent(definition.getName(), n -> new Merged(n, kind(definition), subgraph.name()));
                if (!target.kind.equals(kind(definition))) {
                    conflicts.add("Type " + definition.getName() + " is " + article(target.kind) + " in " + target.firstSubgraph
                            + " but " + article(kind(definition)) + " in " + subgraph.name());
                    continue;
                }
                target.merge(definition, subgraph.name(), conflicts);
            }
        }
        merged.values().forEach(type -> type.checkSharing(conflicts));
        if (!merged.containsKey("Query") || merged.get("Query").fields.isEmpty()) {
            conflicts.add("No subgraph defines a Query field");
        }
        if (!conflicts.isEmpty()) {
            throw new CompositionException(conflicts);
        }
        return build(merged, subgraphs.stream().map(SubgraphSdl::name).toList());
    }

    private static Supergraph build(Map<String, Merged> merged, List<String> names) {
        TypeDefinitionRegistry api = new TypeDefinitionRegistry();
        Map<String, Supergraph.TypeRouting> routing = new LinkedHashMap<>();
        for (Merged type : merged.values()) {
            if (ROOT_TYPES.contains(type.name) && type.fields.isEmpty()) {
                continue; // a subgraph's Query that only had _entities/_service
            }
            api.add(type.toDefinition());
            if (type.kind.equals("object type") || type.kind.equals("interface") || type.kind.equals("union")) {
                routing.put(type.name, type.routing());
            }
        }
        GraphQLSchema schema = apiSchema(api);
        return new Supergraph(schema, printApiSchema(schema), routing, names, Map.of(), Map.of());
    }

    /** The schema clients are validated against; its scalars pass values through (subgraphs coerce them). */
    static GraphQLSchema apiSchema(TypeDefinitionRegistry api) {
        try {
            return new SchemaGenerator().makeExecutableSchema(api,
                    RuntimeWiring.newRuntimeWiring().wiringFactory(PassThroughScalars.INSTANCE).build());
        } catch (SchemaProblem e) {
            throw new CompositionException(e.getErrors().stream().map(err -> "API schema is invalid: " + err.getMessage()).toList());
        }
    }

    static String printApiSchema(GraphQLSchema schema) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeSchemaDefinition(false)
                .includeDirectiveDefinitions(false)
                .includeDirectives("deprecated"::equals)).print(schema);
    }

    /** Federation's and SmallRye's plumbing types: never client-facing. */
    static boolean isFederationInternal(String typeName) {
        return typeName.startsWith("_") || typeName.startsWith("link__") || typeName.startsWith("join__")
                || typeName.startsWith("federation__") || typeName.equals("FieldSet") || typeName.equals("link__Import");
    }

    private static String kind(TypeDefinition<?> definition) {
        if (definition instanceof InterfaceTypeDefinition) {
            return "interface";
        } else if (definition instanceof ObjectTypeDefinition) {
            return "object type";
        } else if (definition instanceof EnumTypeDefinition) {
            return "enum";
        } else if (definition instanceof InputObjectTypeDefinition) {
            return "input type";
        } else if (definition instanceof UnionTypeDefinition) {
            return "union";
        } else if (definition instanceof ScalarTypeDefinition) {
            return "scalar";
        }
        return definition.getClass().getSimpleName();
    }

    private static String article(String kind) {
        return (kind.startsWith("i") || kind.startsWith("e") || kind.startsWith("o") || kind.startsWith("u") ? "an " : "a ") + kind;
    }

    private static String print(Type<?> type) {
        return AstPrinter.printAst(type);
    }

    private static List<Directive> clientDirectives(List<Directive> directives) {
        return directives.stream().filter(d -> d.getName().equals("deprecated")).toList();
    }

    /** One type being merged across subgraphs. */
    private static final class Merged {
        final String name;
        final String kind;
        final String firstSubgraph;
        String description;
        final Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        final Map<String, String> fieldOrigin = new LinkedHashMap<>();
        final Map<String, Set<String>> fieldSubgraphs = new LinkedHashMap<>();
        /** Per field, the subgraphs that resolve it without declaring it shareable (federation's @shareable rule). */
        final Map<String, Set<String>> exclusiveIn = new LinkedHashMap<>();
        final Map<String, List<String>> keys = new LinkedHashMap<>();
        final Set<String> interfaces = new LinkedHashSet<>();
        final Map<String, EnumValueDefinition> enumValues = new LinkedHashMap<>();
        final Map<String, InputValueDefinition> inputFields = new LinkedHashMap<>();
        final Set<String> unionMembers = new LinkedHashSet<>();
        final Set<String> definedIn = new LinkedHashSet<>();
        boolean seen;

        Merged(String name, String kind, String firstSubgraph) {
            this.name = name;
            this.kind = kind;
            this.firstSubgraph = firstSubgraph;
        }

        void merge(TypeDefinition<?> definition, String subgraph, List<String> conflicts) {
            boolean first = !seen;
            seen = true;
            definedIn.add(subgraph);
            if (definition instanceof ObjectTypeDefinition object) {
                mergeFields(object.getFieldDefinitions(), subgraph, conflicts);
                noteExclusiveFields(object, subgraph);
                object.getImplements().forEach(t -> interfaces.add(((TypeName) t).getName()));
                readKeys(object.getDirectives(), subgraph);
                describe(object.getDescription() == null ? null : object.getDescription().getContent());
            } else if (definition instanceof InterfaceTypeDefinition iface) {
                mergeFields(iface.getFieldDefinitions(), subgraph, conflicts);
                readKeys(iface.getDirectives(), subgraph);
                describe(iface.getDescription() == null ? null : iface.getDescription().getContent());
            } else if (definition instanceof EnumTypeDefinition enumType) {
                Map<String, EnumValueDefinition> values = enumType.getEnumValueDefinitions().stream()
                        .collect(Collectors.toMap(EnumValueDefinition::getName, v -> v, (a, b) -> a, LinkedHashMap::new));
                if (first) {
                    enumValues.putAll(values);
                } else if (!enumValues.keySet().equals(values.keySet())) {
                    conflicts.add("Enum " + name + " has values " + enumValues.keySet() + " in " + firstSubgraph + " but "
                            + values.keySet() + " in " + subgraph);
                }
                describe(enumType.getDescription() == null ? null : enumType.getDescription().getContent());
            } else if (definition instanceof InputObjectTypeDefinition input) {
                Map<String, InputValueDefinition> values = input.getInputValueDefinitions().stream()
                        .collect(Collectors.toMap(InputValueDefinition::getName, v -> v, (a, b) -> a, LinkedHashMap::new));
                if (first) {
                    inputFields.putAll(values);
                } else {
                    Set<String> names = new LinkedHashSet<>(inputFields.keySet());
                    names.addAll(values.keySet());
                    for (String field : names) {
                        String mine = inputFields.containsKey(field) ? print(inputFields.get(field).getType()) : "(absent)";
                        String theirs = values.containsKey(field) ? print(values.get(field).getType()) : "(absent)";
                        if (!mine.equals(theirs)) {
                            conflicts.add("Input field " + name + "." + field + " is " + mine + " in " + firstSubgraph + " but "
                                    + theirs + " in " + subgraph);
                        }
                    }
                }
                describe(input.getDescription() == null ? null : input.getDescription().getContent());
            } else if (definition instanceof UnionTypeDefinition union) {
                union.getMemberTypes().forEach(t -> unionMembers.add(((TypeName) t).getName()));
            } else if (definition instanceof ScalarTypeDefinition scalar) {
                describe(scalar.getDescription() == null ? null : scalar.getDescription().getContent());
            }
        }

        private void describe(String text) {
            if (description == null) {
                description = text;
            }
        }

        private void mergeFields(List<FieldDefinition> definitions, String subgraph, List<String> conflicts) {
            for (FieldDefinition field : definitions) {
                if (ROOT_TYPES.contains(name) && field.getName().startsWith("_")) {
                    continue; // _entities, _service
                }
                if (isFederationInternal(unwrap(field.getType()))) {
                    continue;
                }
                if (field.hasDirective("inaccessible")) {
                    continue; // served between services (federation's @inaccessible), never to clients
                }
                FieldDefinition existing = fields.get(field.getName());
                if (existing == null) {
                    fields.put(field.getName(), field);
                    fieldOrigin.put(field.getName(), subgraph);
                } else {
                    String where = name + "." + field.getName();
                    if (ROOT_TYPES.contains(name)) {
                        conflicts.add("Root field " + where + " is defined by both " + fieldOrigin.get(field.getName()) + " and "
                                + subgraph + "; a root field must have one owner");
                        continue;
                    }
                    Type<?> common = commonOutputType(existing.getType(), field.getType());
                    if (common == null) {
                        conflicts.add("Field " + where + " has type " + print(existing.getType()) + " in "
                                + fieldOrigin.get(field.getName()) + " but " + print(field.getType()) + " in " + subgraph);
                    } else if (!print(common).equals(print(existing.getType()))) {
                        fields.put(field.getName(), existing.transform(b -> b.type(common)));
                    }
                    compareArguments(where, existing, field, fieldOrigin.get(field.getName()), subgraph, conflicts);
                }
                boolean external = field.getDirectives().stream().anyMatch(d -> d.getName().equals("external"));
                if (!external) {
                    fieldSubgraphs.computeIfAbsent(field.getName(), f -> new LinkedHashSet<>()).add(subgraph);
                }
            }
        }

        /**
         * A field is shareable in a subgraph when it or its type is marked {@code @shareable} there, or it is one of
         * the type's key fields there (keys are shareable by definition); {@code @external} fields are not resolved.
         */
        private void noteExclusiveFields(ObjectTypeDefinition object, String subgraph) {
            if (ROOT_TYPES.contains(name)) {
                return;
            }
            boolean typeShareable = hasDirective(object.getDirectives(), "shareable");
            Set<String> keyFields = new LinkedHashSet<>();
            for (Directive directive : object.getDirectives()) {
                if ((directive.getName().equals("key") || directive.getName().equals("federation__key"))
                        && directive.getArgument("fields") != null && directive.getArgument("fields").getValue() instanceof StringValue s) {
                    keyFields.addAll(List.of(s.getValue().replaceAll("[{}]", " ").trim().split("[\\s,]+")));
                }
            }
            for (FieldDefinition field : object.getFieldDefinitions()) {
                if (isFederationInternal(unwrap(field.getType())) || hasDirective(field.getDirectives(), "external")) {
                    continue;
                }
                if (!typeShareable && !keyFields.contains(field.getName()) && !hasDirective(field.getDirectives(), "shareable")) {
                    exclusiveIn.computeIfAbsent(field.getName(), f -> new LinkedHashSet<>()).add(subgraph);
                }
            }
        }

        /** Apollo's composition refuses a field that several subgraphs resolve unless every one of them shares it. */
        void checkSharing(List<String> conflicts) {
            exclusiveIn.forEach((field, exclusive) -> {
                Set<String> resolvers = fieldSubgraphs.getOrDefault(field, Set.of());
                if (resolvers.size() > 1) {
                    conflicts.add("Field " + name + "." + field + " is resolved by " + String.join(" and ", resolvers)
                            + " but is not @shareable in " + String.join(" and ", exclusive));
                }
            });
        }

        private static boolean hasDirective(List<Directive> directives, String name) {
            return directives.stream().anyMatch(d -> d.getName().equals(name) || d.getName().equals("federation__" + name));
        }

        private static void compareArguments(String where, FieldDefinition a, FieldDefinition b, String aName, String bName,
                List<String> conflicts) {
            Map<String, String> mine = a.getInputValueDefinitions().stream()
                    .collect(Collectors.toMap(InputValueDefinition::getName, v -> print(v.getType())));
            Map<String, String> theirs = b.getInputValueDefinitions().stream()
                    .collect(Collectors.toMap(InputValueDefinition::getName, v -> print(v.getType())));
            if (!mine.equals(theirs)) {
                conflicts.add("Field " + where + " takes arguments " + mine + " in " + aName + " but " + theirs + " in " + bName);
            }
        }

        private void readKeys(List<Directive> directives, String subgraph) {
            for (Directive directive : directives) {
                if (!directive.getName().equals("key") && !directive.getName().equals("federation__key")) {
                    continue;
                }
                Argument resolvable = directive.getArgument("resolvable");
                if (resolvable != null && resolvable.getValue() instanceof BooleanValue b && !b.isValue()) {
                    continue;
                }
                Argument fieldsArgument = directive.getArgument("fields");
                if (fieldsArgument != null && fieldsArgument.getValue() instanceof StringValue s && !keys.containsKey(subgraph)) {
                    // Only flat keys ("id", "code region") are supported: the planner copies them into representations.
                    if (!s.getValue().contains("{")) {
                        keys.put(subgraph, List.of(s.getValue().trim().split("[\\s,]+")));
                    }
                }
            }
        }

        /** Subgraph SDLs carry only flat keys, no @requires/@provides the planner would need (refused elsewhere). */
        Supergraph.TypeRouting routing() {
            Map<String, Supergraph.SubgraphType> views = new LinkedHashMap<>();
            for (String subgraph : definedIn) {
                List<String> key = keys.get(subgraph);
                views.put(subgraph, new Supergraph.SubgraphType(key == null ? List.of() : List.of(String.join(" ", key)), false, null));
            }
            Map<String, Map<String, Supergraph.FieldSource>> sources = new LinkedHashMap<>();
            fieldSubgraphs.forEach((field, subgraphs) -> {
                Map<String, Supergraph.FieldSource> bySubgraph = new LinkedHashMap<>();
                subgraphs.forEach(s -> bySubgraph.put(s, new Supergraph.FieldSource(name, null, null)));
                sources.put(field, bySubgraph);
            });
            Map<String, String> types = new LinkedHashMap<>();
            fields.forEach((field, definition) -> types.put(field, unwrap(definition.getType())));
            return new Supergraph.TypeRouting(name, views, sources, types);
        }

        TypeDefinition<?> toDefinition() {
            graphql.language.Description text = description == null ? null
                    : new graphql.language.Description(description, null, description.contains("\n"));
            List<FieldDefinition> cleanFields = fields.values().stream()
                    .map(f -> f.transform(b -> b.directives(clientDirectives(f.getDirectives()))
                            .inputValueDefinitions(f.getInputValueDefinitions().stream()
                                    .map(v -> v.transform(vb -> vb.directives(clientDirectives(v.getDirectives())))).toList())))
                    .toList();
            switch (kind) {
                case "object type":
                    return ObjectTypeDefinition.newObjectTypeDefinition().name(name).description(text).fieldDefinitions(cleanFields)
                            .implementz(interfaces.stream().map(i -> (Type) new TypeName(i)).toList()).build();
                case "interface":
                    return InterfaceTypeDefinition.newInterfaceTypeDefinition().name(name).description(text)
                            .definitions(cleanFields).build();
                case "enum":
                    return EnumTypeDefinition.newEnumTypeDefinition().name(name).description(text)
                            .enumValueDefinitions(enumValues.values().stream()
                                    .map(v -> v.transform(b -> b.directives(clientDirectives(v.getDirectives())))).toList())
                            .build();
                case "input type":
                    return InputObjectTypeDefinition.newInputObjectDefinition().name(name).description(text)
                            .inputValueDefinitions(inputFields.values().stream()
                                    .map(v -> v.transform(b -> b.directives(List.of()))).toList())
                            .build();
                case "union":
                    return UnionTypeDefinition.newUnionTypeDefinition().name(name).description(text)
                            .memberTypes(unionMembers.stream().filter(m -> !isFederationInternal(m))
                                    .map(m -> (Type) new TypeName(m)).toList())
                            .build();
                default:
                    return ScalarTypeDefinition.newScalarTypeDefinition().name(name).description(text).build();
            }
        }
    }

    private static String unwrap(Type<?> type) {
        String printed = print(type);
        return printed.replaceAll("[\\[\\]!]", "");
    }

    /**
     * The type clients see for an output field several subgraphs resolve: the same named type and list structure,
     * nullable wherever one subgraph says it may be null (any of them may be the one answering). Null when the
     * types are incompatible.
     */
    static Type<?> commonOutputType(Type<?> a, Type<?> b) {
        if (a instanceof NonNullType an && b instanceof NonNullType bn) {
            Type<?> inner = commonOutputType(an.getType(), bn.getType());
            return inner == null ? null : NonNullType.newNonNullType(inner).build();
        }
        if (a instanceof NonNullType an) {
            return commonOutputType(an.getType(), b);
        }
        if (b instanceof NonNullType bn) {
            return commonOutputType(a, bn.getType());
        }
        if (a instanceof ListType al && b instanceof ListType bl) {
            Type<?> inner = commonOutputType(al.getType(), bl.getType());
            return inner == null ? null : ListType.newListType(inner).build();
        }
        if (a instanceof TypeName an && b instanceof TypeName bn && an.getName().equals(bn.getName())) {
            return a;
        }
        return null;
    }
}
