package gov.planning.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.gateway.composition.Composer;
import gov.planning.gateway.composition.SubgraphSdl;
import gov.planning.gateway.composition.Supergraph;
import gov.planning.gateway.fakes.FakeSubgraphsResource;
import graphql.language.Document;
import graphql.parser.Parser;

class QueryPlannerTest {

    private static final Supergraph SUPERGRAPH = new Composer().compose(List.of(
            new SubgraphSdl("org-service", FakeSubgraphsResource.sdl("org-service")),
            new SubgraphSdl("plan-service", FakeSubgraphsResource.sdl("plan-service")),
            new SubgraphSdl("indicator-service", FakeSubgraphsResource.sdl("indicator-service"))));

    private static QueryPlan plan(String query) {
        Document document = new Parser().parseDocument(query);
        NormalizedOperation operation = new OperationNormalizer(SUPERGRAPH.apiSchema(), document, Map.of())
                .normalize(OperationNormalizer.select(document, null));
        return new QueryPlanner(SUPERGRAPH).plan(operation);
    }

    @Test
    void fieldsOfAnotherSubgraphBecomeOneEntityFetchAndTheParentFetchSelectsTheKey() {
        QueryPlan plan = plan("{ plans { title issuer { name code } } }");

        assertThat(plan.roots()).hasSize(1);
        FetchNode root = plan.roots().get(0);
        assertThat(root.subgraph()).isEqualTo("plan-service");
        assertThat(root.selection()).contains("title: title", "issuer: issuer { _gw_typename: __typename _gw_key_id: id }")
                .doesNotContain("name: name");
        assertThat(root.children()).singleElement().satisfies(child -> {
            assertThat(child.subgraph()).isEqualTo("org-service");
            assertThat(child.entityType()).isEqualTo("Organization");
            assertThat(child.path()).containsExactly("plans", "issuer");
            assertThat(child.keyFields()).containsExactly("id");
            assertThat(child.selection()).contains("name: name", "code: code");
        });
    }

    @Test
    void rootFieldsOfAQueryAreGroupedPerSubgraphAndThoseOfAMutationStayInOrder() {
        assertThat(plan("{ a: plans { id } organizations { id } b: plan(id: \"p1\") { id } }").roots())
                .extracting(FetchNode::subgraph).containsExactly("plan-service", "org-service");
        assertThat(plan("mutation { x: createPlan(input: {title: \"x\", issuerId: \"o1\"}) { id } "
                + "y: createPlan(input: {title: \"y\", issuerId: \"o1\"}) { id } }").roots()).hasSize(1);
    }

    @Test
    void entityFetchesChainWhenAnEntityLeadsBackToAThirdSubgraph() {
        QueryPlan plan = plan("{ indicators { plan { title issuer { name } } } }");

        FetchNode root = plan.roots().get(0);
        assertThat(root.subgraph()).isEqualTo("indicator-service");
        FetchNode plans = root.children().get(0);
        assertThat(plans.subgraph()).isEqualTo("plan-service");
        assertThat(plans.path()).containsExactly("indicators", "plan");
        FetchNode orgs = plans.children().get(0);
        assertThat(orgs.subgraph()).isEqualTo("org-service");
        assertThat(orgs.path()).containsExactly("indicators", "plan", "issuer");
    }
}
