package gov.planning.gateway.execution;

import java.util.LinkedHashMap;
import java.util.Map;

import gov.planning.gateway.composition.Supergraph;
import graphql.language.Document;

/**
 * Operations that passed parsing, the shape limits and validation against one supergraph, by their text: clients
 * send the same few operations over and over, and validation is most of the gateway's own work per request. A new
 * supergraph empties it (an operation valid before may not be now). Bounded, least recently used dropped first;
 * graphql-java documents are immutable, so one may serve concurrent requests.
 */
final class ValidatedDocuments {

    private final int maxEntries;
    private final Map<String, Document> documents;
    private Supergraph validatedAgainst;

    ValidatedDocuments(int maxEntries) {
        this.maxEntries = maxEntries;
        this.documents = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > ValidatedDocuments.this.maxEntries;
            }
        };
    }

    synchronized Document get(Supergraph supergraph, String query) {
        return supergraph == validatedAgainst ? documents.get(query) : null;
    }

    synchronized void put(Supergraph supergraph, String query, Document document) {
        if (supergraph != validatedAgainst) {
            documents.clear();
            validatedAgainst = supergraph;
        }
        documents.put(query, document);
    }
}
