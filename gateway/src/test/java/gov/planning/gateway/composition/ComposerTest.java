package gov.planning.gateway.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gov.planning.gateway.fakes.FakeSubgraphsResource;

class ComposerTest {

    private static final String FED = """
            directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
            directive @shareable repeatable on OBJECT | FIELD_DEFINITION
            directive @link(url: String, as: String, import: [link__Import]) repeatable on SCHEMA
            scalar FieldSet
            scalar link__Import
            scalar _Any
            type _Service { sdl: String }
            """;

    private static SubgraphSdl subgraph(String name) {
        return new SubgraphSdl(name, FakeSubgraphsResource.sdl(name));
    }

    private static Supergraph ours() {
        return new Composer().compose(List.of(subgraph("indicator-service"), subgraph("org-service"), subgraph("plan-service")));
    }

    @Test
    void fieldsAreRoutedToTheSubgraphsThatResolveThemAndKeysAreReadPerSubgraph() {
        Supergraph supergraph = ours();

        Supergraph.TypeRouting organization = supergraph.types().get("Organization");
        assertThat(organization.fieldSubgraphs().get("name")).containsExactly("org-service");
        assertThat(organization.fieldSubgraphs().get("plans")).containsExactly("plan-service");
        assertThat(organization.fieldSubgraphs().get("id")).containsExactlyInAnyOrder("org-service", "plan-service", "indicator-service");
        assertThat(organization.keys()).containsOnlyKeys("org-service", "plan-service", "indicator-service");
        assertThat(supergraph.keyFields("org-service", "Organization")).containsExactly("id");
        assertThat(supergraph.rootOwner("Query", "plans")).contains("plan-service");
        assertThat(supergraph.rootOwner("Query", "indicators")).contains("indicator-service");
        assertThat(supergraph.rootOwner("Mutation", "createPlan")).contains("plan-service");
        assertThat(supergraph.entityResolver("Plan", "indicators")).contains("indicator-service");
    }

    @Test
    void theApiSchemaHasNoFederationInternals() {
        Supergraph supergraph = ours();

        assertThat(supergraph.apiSchema().getQueryType().getFieldDefinition("_entities")).isNull();
        assertThat(supergraph.apiSchema().getQueryType().getFieldDefinition("_service")).isNull();
        assertThat(supergraph.apiSchema().getType("_Any")).isNull();
        assertThat(supergraph.apiSchema().getType("_Entity")).isNull();
        assertThat(supergraph.apiSchema().getType("FieldSet")).isNull();
        assertThat(supergraph.apiSchema().getDirective("key")).isNull();
        assertThat(supergraph.apiSdl()).doesNotContain("_entities", "_service", "@key", "@link", "link__")
                .contains("\"The issuing organization, resolved by org-service.\"");
    }

    @Test
    void aFieldWithDifferentTypesInTwoSubgraphsFailsNamingTheFieldAndBothSubgraphs() {
        SubgraphSdl plans = new SubgraphSdl("plan-service", FED + """
                type Plan @key(fields: "id") { id: ID! title: String! }
                type Query { plans: [Plan!]! }
                """);
        SubgraphSdl indicators = new SubgraphSdl("indicator-service", FED + """
                type Plan @key(fields: "id") { id: ID! title: Int }
                type Query { indicators: [Plan!]! }
                """);

        assertThatThrownBy(() -> new Composer().compose(List.of(plans, indicators)))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("Plan.title")
                .hasMessageContaining("String! in plan-service")
                .hasMessageContaining("Int in indicator-service");
    }

    @Test
    void conflictingEnumsInputsKindsAndRootFieldsAreAllReportedWithTheirSubgraphs() {
        SubgraphSdl a = new SubgraphSdl("a-service", FED + """
                enum Health { GREEN RED }
                input Filter { code: String }
                type Thing { id: ID! }
                type Query { things(filter: Filter): [Thing!]! health: Health }
                """);
        SubgraphSdl b = new SubgraphSdl("b-service", FED + """
                enum Health { GREEN YELLOW RED }
                input Filter { code: Int }
                enum Thing { ONE }
                type Query { things: [String!]! }
                """);

        assertThatThrownBy(() -> new Composer().compose(List.of(a, b)))
                .isInstanceOfSatisfying(CompositionException.class, e -> assertThat(e.conflicts()).satisfiesExactlyInAnyOrder(
                        c -> assertThat(c).contains("Enum Health", "a-service", "b-service"),
                        c -> assertThat(c).contains("Filter.code", "String in a-service", "Int in b-service"),
                        c -> assertThat(c).contains("Type Thing", "an object type in a-service", "an enum in b-service"),
                        c -> assertThat(c).contains("Query.things", "both a-service and b-service")));
    }

    @Test
    void keysMarkedUnresolvableAreNotEntryPoints() {
        SubgraphSdl a = new SubgraphSdl("a-service", FED + """
                type Thing @key(fields: "id", resolvable: false) { id: ID! }
                type Query { things: [Thing!]! }
                """);
        SubgraphSdl b = new SubgraphSdl("b-service", FED + """
                type Thing @key(fields: "id") { id: ID! name: String }
                type Query { thing(id: ID!): Thing }
                """);

        Supergraph supergraph = new Composer().compose(List.of(a, b));

        assertThat(supergraph.types().get("Thing").keys()).isEqualTo(Map.of("b-service", List.of("id")));
        assertThat(supergraph.types().get("Thing").fieldSubgraphs().get("name")).isEqualTo(Set.of("b-service"));
    }

    @Test
    void aFieldMarkedInaccessibleIsServedBetweenServicesButNotPartOfTheClientApi() {
        SubgraphSdl a = new SubgraphSdl("a-service", FED + """
                type Thing @key(fields: "id") { id: ID! name: String secret: String @inaccessible }
                type Query { thing(id: ID!): Thing  internalLookup(id: ID!): ID @inaccessible }
                """);

        Supergraph supergraph = new Composer().compose(List.of(a));

        assertThat(supergraph.apiSdl()).contains("thing(id: ID!): Thing").doesNotContain("internalLookup", "secret");
        assertThat(supergraph.types().get("Thing").fieldSubgraphs()).containsKey("name").doesNotContainKey("secret");
    }

    @Test
    void aSharedFieldThatOneSubgraphDeclaresNullableIsNullableForClients() {
        SubgraphSdl a = new SubgraphSdl("a-service", FED + """
                type PageInfo @shareable { hasNextPage: Boolean! endCursor: String! }
                type Query { a: PageInfo }
                """);
        SubgraphSdl b = new SubgraphSdl("b-service", FED + """
                type PageInfo { hasNextPage: Boolean! @shareable endCursor: String @shareable }
                type Query { b: PageInfo }
                """);

        Supergraph supergraph = new Composer().compose(List.of(a, b));

        assertThat(supergraph.apiSdl()).contains("endCursor: String\n").contains("hasNextPage: Boolean!");
        assertThat(supergraph.types().get("PageInfo").fieldSubgraphs().get("endCursor")).containsExactly("a-service", "b-service");
    }

    @Test
    void aFieldTwoSubgraphsResolveWithoutSharingItIsRefusedAsApollosCompositionRefusesIt() {
        SubgraphSdl org = new SubgraphSdl("org-service", FED + """
                type OrgNameMatch @shareable { input: String! }
                type Organization @key(fields: "id") { id: ID! name: String! }
                type Query { a: OrgNameMatch o: Organization }
                """);
        SubgraphSdl plan = new SubgraphSdl("plan-service", FED + """
                type OrgNameMatch { input: String! }
                type Organization @key(fields: "id") { id: ID! }
                type Query { b: OrgNameMatch }
                """);

        assertThatThrownBy(() -> new Composer().compose(List.of(org, plan)))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("OrgNameMatch.input is resolved by org-service and plan-service but is not @shareable in plan-service")
                // a key field is shareable by definition
                .hasMessageNotContaining("Organization.id");
    }

    @Test
    void sdlAsSubgraphLibrariesPrintItIsUnderstoodSchemaExtensionEscapedUrlsShareableAndExternal() {
        SubgraphSdl a = new SubgraphSdl("a-service", """
                extend schema @link(url: "https:\\/\\/specs.apollo.dev\\/federation\\/v2.7", import: [ "@key", "@shareable", "@external" ])
                type Thing @key(fields: "id") { id: ID! name: String @external label: String }
                type Money @shareable { amount: Float! }
                type Query { _service: _Service! things: [Thing!]! }
                type _Service { sdl: String! }
                """);
        SubgraphSdl b = new SubgraphSdl("b-service", """
                schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) { query: Query }
                type Thing @key(fields: "id") { id: ID! name: String price: Money }
                type Money @shareable { amount: Float! }
                type Query { thing(id: ID!): Thing }
                """);

        Supergraph supergraph = new Composer().compose(List.of(a, b));

        assertThat(supergraph.types().get("Thing").fieldSubgraphs().get("name")).containsExactly("b-service");
        assertThat(supergraph.types().get("Money").fieldSubgraphs().get("amount")).containsExactly("a-service", "b-service");
        assertThat(supergraph.apiSdl()).doesNotContain("@shareable", "@external", "_Service");
    }
}
