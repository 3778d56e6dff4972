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
    void aPlanIsReadOnlySoThatConcurrentRequestsCanShareIt() {
        QueryPlan plan = plan("{ plans { title issuer { name code } } }");
        FetchNode root = plan.roots().get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.fields().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.children().get(0).requires().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plan.operation().rootFields().get(0).children().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plan.roots().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keyFieldSetsAreParsedOncePerSupergraphAndSharedByEveryPlan() {
        FetchNode first = plan("{ plans { issuer { name } } }").roots().get(0).children().get(0);
        int parsed = SUPERGRAPH.fieldSets().size();
        FetchNode second = plan("{ plan(id: \"p1\") { issuer { code } } }").roots().get(0).children().get(0);

        assertThat(second.key()).isSameAs(first.key());
        assertThat(SUPERGRAPH.fieldSets().size()).isEqualTo(parsed);
    }

    @Test
    void fieldsOfAnotherSubgraphBecomeOneEntityFetchAndTheParentFetchSelectsTheKey() {
        QueryPlan plan = plan("{ plans { title issuer { name code } } }");

        assertThat(plan.roots()).hasSize(1);
        FetchNode root = plan.roots().get(0);
        assertThat(root.subgraph()).isEqualTo("plan-service");
        assertThat(root.selection()).contains("title:title", "issuer:issuer{_gw_typename:__typename _gw_key_id:id}")
                .doesNotContain("name:name");
        assertThat(root.children()).singleElement().satisfies(child -> {
            assertThat(child.subgraph()).isEqualTo("org-service");
            assertThat(child.entityType()).isEqualTo("Organization");
            assertThat(child.path()).containsExactly("plans", "issuer");
            assertThat(child.keyFields()).containsExactly("id");
            assertThat(child.selection()).contains("name:name", "code:code");
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

    /** Task health needs the deadline (plans) and the latest progress (reports): both must be there first. */
    private static final String HEALTH_SUPERGRAPH = """
            enum join__Graph {
              PLANS @join__graph(name: "plans", url: "http://plans.invalid/graphql")
              REPORTS @join__graph(name: "reports", url: "http://reports.invalid/graphql")
              HEALTH @join__graph(name: "health", url: "http://health.invalid/graphql")
            }
            type Query @join__type(graph: PLANS) @join__type(graph: REPORTS) @join__type(graph: HEALTH) {
              tasks: [Task!]! @join__field(graph: PLANS)
            }
            type Task @join__type(graph: PLANS, key: "id") @join__type(graph: REPORTS, key: "id") @join__type(graph: HEALTH, key: "id") {
              id: ID!
              deadline: String @join__field(graph: PLANS) @join__field(graph: HEALTH, external: true)
              latestProgress: Int @join__field(graph: REPORTS) @join__field(graph: HEALTH, external: true)
              health: String @join__field(graph: HEALTH, requires: "deadline latestProgress")
            }
            """;

    @Test
    void aFieldWithRequirementsWaitsForTheFetchesThatGatherThemAndCarriesThemInItsRepresentations() {
        Supergraph supergraph = new gov.planning.gateway.composition.SupergraphSdlReader().read(HEALTH_SUPERGRAPH);
        Document document = new Parser().parseDocument("{ tasks { health } }");
        NormalizedOperation operation = new OperationNormalizer(supergraph.apiSchema(), document, Map.of())
                .normalize(OperationNormalizer.select(document, null));

        FetchNode root = new QueryPlanner(supergraph).plan(operation).roots().get(0);

        assertThat(root.selection()).contains("_gw_key_id:id", "_gw_key_deadline:deadline").doesNotContain("health");
        FetchNode reports = root.children().stream().filter(c -> c.subgraph().equals("reports")).findFirst().orElseThrow();
        assertThat(reports.selection()).contains("_gw_key_latestProgress:latestProgress");
        FetchNode health = root.children().stream().filter(c -> c.subgraph().equals("health")).findFirst().orElseThrow();
        assertThat(health.dependencies()).containsExactlyInAnyOrder(root, reports);
        assertThat(health.requires()).singleElement().satisfies(fieldSet -> assertThat(graphql.language.AstPrinter.printAst(fieldSet))
                .contains("deadline", "latestProgress"));
        assertThat(health.selection()).contains("health:health");
    }
}
