package gov.planning.gateway.execution;

import gov.planning.gateway.composition.Supergraph;
import gov.planning.gateway.composition.SupergraphCache;
import graphql.language.Document;

/**
 * Operations that passed parsing, the shape limits and validation against one supergraph, by their text: clients
 * send the same few operations over and over, and validation is most of the gateway's own work per request. A new
 * supergraph empties it (an operation valid before may not be now). Bounded ({@link SupergraphCache});
 * graphql-java documents are immutable, so one may serve concurrent requests.
 */
final class ValidatedDocuments {

    private final SupergraphCache<String, Document> documents;

    ValidatedDocuments(int maxEntries) {
        this.documents = new SupergraphCache<>(maxEntries);
    }

    Document get(Supergraph supergraph, String query) {
        return documents.get(supergraph, query);
    }

    void put(Supergraph supergraph, String query, Document document) {
        documents.put(supergraph, query, document);
    }
}
