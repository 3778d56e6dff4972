package gov.planning.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.gateway.composition.Supergraph;
import gov.planning.gateway.composition.SupergraphSdlReader;
import graphql.language.Document;
import graphql.parser.Parser;

/** The federation audit's cases this gateway used to fail, planned against the audit's own supergraphs. */
class FederationAuditCasesTest {

    private static Supergraph supergraph(String suite) {
        try (InputStream in = FederationAuditCasesTest.class.getResourceAsStream("/audit-cases/" + suite + ".graphql")) {
            return new SupergraphSdlReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static QueryPlan plan(String suite, String query) {
        Supergraph supergraph = supergraph(suite);
        Document document = new Parser().parseDocument(query);
        return new QueryPlanner(supergraph).plan(new OperationNormalizer(supergraph.apiSchema(), document, Map.of())
                .normalize(OperationNormalizer.select(document, null)));
    }

    private static void assertPlanningFails(String suite, String query) {
        assertThatThrownBy(() -> plan(suite, query)).isInstanceOfSatisfying(RequestException.class,
                e -> assertThat(e.code()).isEqualTo("QUERY_PLANNING_FAILED"));
    }

    @Test
    void aKeyFieldASubgraphMarksExternalIsNeitherAnsweredByItNorUsedToLeaveIt() {
        // Each subgraph answers node(id:) but resolves `id` of only one of the two types (its resolver returns "never"
        // for the other): no subgraph can answer Node.id for both, so this is an error, not a corrupted id.
        assertPlanningFails("corrupted-supergraph-node-id", "{ node(id: \"a1\") { id } }");
        assertPlanningFails("corrupted-supergraph-node-id", "{ account: node(id: \"a1\") { id ... on Chat { id } } }");

        assertThat(plan("corrupted-supergraph-node-id", "{ node(id: \"c1\") { ... on Chat { id } } }").roots())
                .singleElement().satisfies(root -> assertThat(root.subgraph()).isEqualTo("b"));
        assertThat(plan("corrupted-supergraph-node-id", "{ node(id: \"a1\") { ... on Account { id username } } }").roots())
                .singleElement().satisfies(root -> assertThat(root.subgraph()).isEqualTo("a"));
        FetchNode chat = plan("corrupted-supergraph-node-id", "{ chat(id: \"c1\") { id account { id } } }").roots().get(0);
        assertThat(chat.subgraph()).isEqualTo("b");
        assertThat(chat.selection()).contains("_gw_key_id:id");
        assertThat(chat.children()).singleElement().satisfies(entities -> assertThat(entities.subgraph()).isEqualTo("a"));
    }

    @Test
    void aFieldOfAnInterfaceNothingImplementsThatTheAnsweringSubgraphCannotResolveIsAPlanningError() {
        assertPlanningFails("non-resolvable-interface-object", "{ a { field } }");

        assertThat(plan("non-resolvable-interface-object", "{ b { id field } }").roots().get(0).selection())
                .contains("id:id", "field:field");
    }

    @Test
    void unionMembersBelowAShareableFieldAreAskedOnlyWhenEverySubgraphThatCouldAnswerTheFieldKnowsThem() {
        String members = "{ __typename ... on Common { label } ... on OnlyA { a } ... on OnlyB { b } }";

        // Container.wrapper is shareable and Container an entity: subgraph b could have answered it, and b knows no OnlyA.
        assertThat(plan("partial-union-complex", "{ rootA { wrapper { actions " + members + " } } }").roots().get(0).selection())
                .contains("...on Common{label:label}").doesNotContain("OnlyA", "OnlyB");
        assertThat(plan("partial-union-complex", "{ shared { wrapper { actions " + members + " } } }").roots().get(0).selection())
                .contains("...on Common").doesNotContain("OnlyA", "OnlyB");
        // Only b resolves bWrapper: after the entity hop, b's members are the ones to ask for.
        FetchNode hop = plan("partial-union-complex", "{ rootA { bWrapper { actions " + members + " } } }").roots().get(0)
                .children().get(0);
        assertThat(hop.subgraph()).isEqualTo("b");
        assertThat(hop.selection()).contains("...on Common{label:label}", "...on OnlyB{b:b}").doesNotContain("OnlyA");
        // A value type reached only through one subgraph keeps that subgraph's members.
        assertThat(plan("partial-union", "{ getResponse { actions { ... on Alpha { id } ... on Beta { id } } } }").roots().get(0)
                .selection()).contains("...on Alpha", "...on Beta");
    }
}
