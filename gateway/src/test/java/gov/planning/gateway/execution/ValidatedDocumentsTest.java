package gov.planning.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import gov.planning.gateway.composition.Composer;
import gov.planning.gateway.composition.SubgraphSdl;
import gov.planning.gateway.composition.Supergraph;
import gov.planning.gateway.fakes.FakeSubgraphsResource;
import graphql.language.Document;
import graphql.parser.Parser;

class ValidatedDocumentsTest {

    private static Supergraph compose() {
        return new Composer().compose(List.of(new SubgraphSdl("org-service", FakeSubgraphsResource.sdl("org-service")),
                new SubgraphSdl("plan-service", FakeSubgraphsResource.sdl("plan-service"))));
    }

    @Test
    void anOperationValidatedAgainstOneSupergraphIsNotReusedAfterTheSupergraphChanged() {
        Supergraph before = compose();
        Supergraph after = compose();
        ValidatedDocuments documents = new ValidatedDocuments(10);
        Document document = new Parser().parseDocument("{ plans { id } }");

        documents.put(before, "{ plans { id } }", document);

        assertThat(documents.get(before, "{ plans { id } }")).isSameAs(document);
        assertThat(documents.get(after, "{ plans { id } }")).isNull();
        documents.put(after, "{ organizations { id } }", document);
        assertThat(documents.get(before, "{ plans { id } }")).isNull();
    }

    @Test
    void theLeastRecentlyUsedOperationIsDroppedBeyondTheBound() {
        Supergraph supergraph = compose();
        ValidatedDocuments documents = new ValidatedDocuments(2);
        Document document = new Parser().parseDocument("{ plans { id } }");

        documents.put(supergraph, "a", document);
        documents.put(supergraph, "b", document);
        documents.get(supergraph, "a");
        documents.put(supergraph, "c", document);

        assertThat(documents.get(supergraph, "a")).isNotNull();
        assertThat(documents.get(supergraph, "b")).isNull();
        assertThat(documents.get(supergraph, "c")).isNotNull();
    }
}
