package gov.planning.orgref;

import gov.planning.common.api.Ids;

import java.util.List;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;

import io.smallrye.graphql.api.federation.Resolver;

/**
 * Lets the gateway enter a subgraph at an {@code Organization} to read the fields that subgraph contributes.
 * The subgraph holds no organization records, so a representation resolves to its own key.
 */
@GraphQLApi
public class OrganizationReferenceApi {

    @Resolver
    public List<OrganizationRef> organizationReferences(@Name("id") List<String> ids) {
        return ids.stream().map(id -> OrganizationRef.of(Ids.parseOrNull(id))).toList();
    }
}
