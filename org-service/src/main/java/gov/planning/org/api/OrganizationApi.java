package gov.planning.org.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import gov.planning.common.api.Ids;
import gov.planning.common.security.Caller;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import gov.planning.org.service.NewOrganization;
import gov.planning.org.service.OrganizationService;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = { @Import(name = "@key") })
public class OrganizationApi {

    @Inject
    OrganizationService service;

    @Inject
    Caller caller;

    @Query
    @Description("One organization by id or by code.")
    public Uni<OrganizationView> organization(@Id UUID id, String code) {
        Uni<Organization> found = id != null ? service.findById(id)
                : code != null ? service.findByCode(code) : Uni.createFrom().nullItem();
        return found.map(OrganizationView::of);
    }

    @Query
    @Description("Organizations whose name, short name or code contains `search`, optionally of one kind or directly under `parentCode`.")
    public Uni<@NonNull List<@NonNull OrganizationView>> organizations(String search, OrgKind kind, String parentCode) {
        return service.search(search, kind, parentCode).map(OrganizationApi::views);
    }

    @Query
    @Description("Who the token says I am: user name, roles and organizations.")
    public @NonNull Viewer me() {
        return new Viewer(caller.username(), caller.roles().stream().sorted().toList(), caller.orgCodes());
    }

    @Mutation
    @Description("Creates an organization (admin only).")
    public Uni<@NonNull OrganizationView> createOrganization(@NonNull @Name("input") NewOrganization input) {
        return service.create(input).map(OrganizationView::of);
    }

    /** Federation entity lookup: all representations of a request in one call and one SQL query. */
    @Resolver
    public Uni<List<OrganizationView>> organizationsById(@Name("id") List<String> ids) {
        List<UUID> uuids = ids.stream().map(Ids::parseOrNull).toList();
        return service.findByIds(uuids.stream().filter(java.util.Objects::nonNull).toList())
                .map(found -> inOrder(uuids, found));
    }

    public Uni<List<OrganizationView>> parent(@Source List<OrganizationView> orgs) {
        List<UUID> parentIds = orgs.stream().map(OrganizationView::parentId).filter(java.util.Objects::nonNull).distinct().toList();
        return service.findByIds(parentIds).map(parents -> inOrder(orgs.stream().map(OrganizationView::parentId).toList(), parents));
    }

    public Uni<List<@NonNull List<@NonNull OrganizationView>>> children(@Source List<OrganizationView> orgs) {
        return service.childrenOf(orgs.stream().map(OrganizationView::id).toList()).map(children -> {
            Map<UUID, List<OrganizationView>> byParent = children.stream().map(OrganizationView::of)
                    .collect(Collectors.groupingBy(OrganizationView::parentId));
            return orgs.stream().map(o -> byParent.getOrDefault(o.id(), List.of())).toList();
        });
    }

    public Uni<@NonNull List<@NonNull OrganizationView>> orgs(@Source Viewer viewer) {
        return service.findByCodes(viewer.orgCodes()).map(found -> found.stream()
                .sorted(Comparator.comparing(o -> o.code)).map(OrganizationView::of).toList());
    }

    private static List<OrganizationView> views(List<Organization> orgs) {
        return orgs.stream().map(OrganizationView::of).toList();
    }

    /** Batched lookups must answer position by position, with null where an id is unknown. */
    private static List<OrganizationView> inOrder(List<UUID> ids, List<Organization> found) {
        Map<UUID, Organization> byId = found.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        return ids.stream().map(id -> id == null ? null : OrganizationView.of(byId.get(id))).toList();
    }
}
