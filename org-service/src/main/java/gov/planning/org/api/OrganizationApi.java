package gov.planning.org.api;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.Ids;
import gov.planning.common.api.SortOrder;
import gov.planning.common.api.TextSearch;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.audit.HistoryEntry;
import gov.planning.common.security.Caller;
import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.CollectiveRule;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import gov.planning.org.naming.OrgNode;
import gov.planning.org.repository.OrganizationListing;
import gov.planning.org.repository.OrganizationSort;
import gov.planning.org.service.OrganizationService;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

/**
 * Reading organizations. Every field resolver takes the whole batch of source organizations, so a list of any
 * length costs one SQL query per field. List fields of a batch resolver need {@code @NonNull} on the method: the
 * annotation on the inner list type does not reach the schema.
 */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = { @Import(name = "@key"), @Import(name = "@shareable") })
public class OrganizationApi {

    @Inject
    OrganizationService service;

    @Inject
    Caller caller;

    @Query
    @Description("One organization by id or by code.")
    public Uni<OrganizationView> organization(@Id String id, String code) {
        // A UUID-typed @Id argument is refused by SmallRye 2.17 ("not a valid 'String'"), so ids arrive as strings.
        UUID uuid = Ids.parseOrNull(id);
        if (id != null && uuid == null) {
            return Uni.createFrom().nullItem();
        }
        Uni<Organization> found = uuid != null ? service.findById(uuid)
                : code != null ? service.findByCode(code) : Uni.createFrom().nullItem();
        return found.map(OrganizationView::of);
    }

    @Query
    @Description("An opaque token that changes whenever any organization or a collective's rule is written, by anyone, and "
            + "at midnight. For caches (a permission scope, a tree in a browser): read it before the organizations; while it "
            + "stays the same, what was read after it is still current. Compare for equality only.")
    @NonNull
    public Uni<String> organizationTreeVersion() {
        return service.treeVersionToday();
    }

    @Query
    @Description("""
            The organization list, one page at a time (first: default 50, at most 500; after: a cursor from this list). \
            search: a substring (at most 100 characters, % and _ taken literally) of the name, short name, an alias, the \
            code or a historical name (the names of the bodies it took over from: 国土资源厅 finds 自然资源厅). \
            kind, level: only those. parentCode: only its direct children; roots: true, only the organizations without a \
            parent (the tops of the tree, what a tree shows before anything is opened); under (an id) or underCode: \
            anything below that organization, at any depth. includeReplaced: false (default) lists only organizations \
            valid today and not replaced in a reform; true lists all. ids: only these organizations (at most 500; for names of ids a \
            screen holds, e.g. in a change history: add includeReplaced: true). sortBy: default CODE; order: default ASC \
            (UPDATED: DESC). An unknown parent lists nothing.""")
    public Uni<OrganizationList.@NonNull Connection> organizations(String search, OrgKind kind, AdminLevel level,
            String parentCode, @DefaultValue("false") Boolean roots, @Id String under, String underCode,
            @DefaultValue("false") Boolean includeReplaced,
            // [String!] rather than [ID!]: SmallRye 2.17 fails to convert an @Id list argument (as updateTask's org ids).
            @Nullable List<@NonNull String> ids,
            @DefaultValue("CODE") OrganizationSort sortBy, SortOrder order, Integer first, String after) {
        int offset = Cursor.offsetAfter(after);
        int size = Cursor.pageSize(first);
        OrganizationListing.Filter filter = new OrganizationListing.Filter(TextSearch.term("search", search), kind, level,
                parentCode, Boolean.TRUE.equals(roots), under == null ? null : Ids.parse("under", under), underCode,
                Boolean.TRUE.equals(includeReplaced) ? null : service.today(), ids == null ? null : parseIds(ids));
        return service.list(filter, sortBy, order, offset, size).map(page -> OrganizationList.Connection.of(page, offset));
    }

    private static List<UUID> parseIds(List<String> ids) {
        if (ids.size() > Cursor.MAX_PAGE_SIZE) {
            throw new BadUserInputException("ids: at most " + Cursor.MAX_PAGE_SIZE + " ids, got " + ids.size());
        }
        return ids.stream().map(id -> Ids.parse("ids", id)).toList();
    }

    @Query
    @Description("Resolves unit names as a document writes them. contextCode: the issuing organization, whose region decides "
            + "among same-named bodies; asOf: the document's date (historical names resolve to the body of that date). "
            + "One list is read in order, so a prefix such as 旗 carries to the names after it. Unsure → organization null.")
    public Uni<@NonNull List<@NonNull OrgNameMatchView>> resolveOrganizationNames(@NonNull List<@NonNull String> names,
            String contextCode, LocalDate asOf) {
        return service.resolveNames(names, contextCode, asOf).map(matches -> matches.stream().map(OrgNameMatchView::of).toList());
    }

    @Query
    @Description("""
            For each of ids (at most 50000; unknown ids are skipped) that a reform replaced: the body that carries its \
            responsibilities today, following every succession. Ids nobody replaced are not listed. One statement for \
            any number of ids: the successor mapping of a dashboard's thousands of lead organizations.""")
    public Uni<@NonNull List<@NonNull CurrentSuccessorView>> currentSuccessors(@NonNull List<@NonNull String> ids) {
        if (ids.size() > MAX_SUCCESSOR_IDS) {
            throw new BadUserInputException("ids: at most " + MAX_SUCCESSOR_IDS + " ids, got " + ids.size());
        }
        List<UUID> uuids = ids.stream().map(id -> Ids.parse("ids", id)).distinct().toList();
        return service.currentSuccessors(uuids).map(heirs -> heirs.entrySet().stream()
                .map(e -> new CurrentSuccessorView(e.getKey(), e.getValue())).toList());
    }

    @Query("predecessors")
    @Description("""
            For each of ids (at most 50000; unknown ids are skipped) that took over from other bodies: every body it took \
            over from, any number of reforms back, one entry per pair. Ids without predecessors are not listed. One \
            statement for any number of ids: whose tasks a subtree's thousands of organizations inherited.""")
    public Uni<@NonNull List<@NonNull PredecessorView>> predecessorsOfIds(@NonNull List<@NonNull String> ids) {
        if (ids.size() > MAX_SUCCESSOR_IDS) {
            throw new BadUserInputException("ids: at most " + MAX_SUCCESSOR_IDS + " ids, got " + ids.size());
        }
        List<UUID> uuids = ids.stream().map(id -> Ids.parse("ids", id)).distinct().toList();
        return service.predecessorsTransitively(uuids).map(lineages -> lineages.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(p -> new PredecessorView(e.getKey(), p))).toList());
    }

    /** currentSuccessors' and predecessors' most ids: a province's organizations a few times over; the request body
     * limit (10 MB) allows about 250,000. */
    static final int MAX_SUCCESSOR_IDS = 50_000;

    @Query
    @Description("Who the token says I am: user name, roles and organizations.")
    public @NonNull Viewer me() {
        return new Viewer(caller.username(), caller.roles().stream().sorted().toList(), caller.orgCodes());
    }

    /** Federation entity lookup: all representations of a request in one call, from the tree's snapshot. */
    @Resolver
    public Uni<List<OrganizationView>> organizationsById(@Name("id") List<String> ids) {
        return service.nodes(ids.stream().map(Ids::parseOrNull).toList())
                .map(found -> found.stream().map(OrganizationView::of).toList());
    }

    public Uni<List<OrganizationView>> parent(@Source List<OrganizationView> orgs) {
        return byIds(orgs.stream().map(OrganizationView::parentId).toList());
    }

    @Description("The body that took over from this one in a reform; null while it exists.")
    public Uni<List<OrganizationView>> successor(@Source List<OrganizationView> orgs) {
        return byIds(orgs.stream().map(OrganizationView::successorId).toList());
    }

    @NonNull
    public Uni<List<@NonNull List<@NonNull OrganizationView>>> children(@Source List<OrganizationView> orgs) {
        return service.childrenOf(ids(orgs)).map(children -> {
            Map<UUID, List<OrganizationView>> byParent = children.stream().map(OrganizationView::of)
                    .collect(Collectors.groupingBy(OrganizationView::parentId));
            return orgs.stream().map(o -> byParent.getOrDefault(o.id(), List.of())).toList();
        });
    }

    @Description("The bodies this one took over from.")
    @NonNull
    public Uni<List<@NonNull List<@NonNull OrganizationView>>> predecessors(@Source List<OrganizationView> orgs) {
        return service.predecessors(ids(orgs)).map(found -> grouped(orgs, found));
    }

    @Description("From the root down to the parent.")
    @NonNull
    public Uni<List<@NonNull List<@NonNull OrganizationView>>> ancestors(@Source List<OrganizationView> orgs) {
        return service.ancestors(ids(orgs)).map(found -> grouped(orgs, found));
    }

    @Description("Every organization below this one (any depth), nearest first, optionally of one kind and level. The "
            + "whole list at once: a province's 20,000 organizations are 1.5 MB and about 0.2 s to answer; a screen "
            + "reads descendantPage, a permission scope descendantIds.")
    @NonNull
    public Uni<List<@NonNull List<@NonNull OrganizationView>>> descendants(@Source List<OrganizationView> orgs, OrgKind kind,
            AdminLevel level) {
        return service.descendants(ids(orgs), kind, level).map(found -> orgs.stream()
                .map(o -> found.getOrDefault(o.id(), List.of()).stream().map(OrganizationView::of).toList()).toList());
    }

    @Description("""
            descendants (same filter, same order) one page at a time (first: default 50, at most 500; after: a cursor from \
            this list), with totalCount: for a screen that shows a large subtree, whose whole list (a province's 20,000 \
            organizations, 1.5 MB) costs hundreds of milliseconds to answer (docs/decisions/0017).""")
    @NonNull
    public Uni<List<OrganizationList.@NonNull Connection>> descendantPage(@Source List<OrganizationView> orgs, OrgKind kind,
            AdminLevel level, Integer first, String after) {
        int offset = Cursor.offsetAfter(after);
        int size = Cursor.pageSize(first);
        return service.descendants(ids(orgs), kind, level).map(found -> orgs.stream()
                .map(o -> OrganizationList.Connection.of(found.getOrDefault(o.id(), List.of()), offset, size)).toList());
    }

    @Description("The ids of descendants (same filter), in no particular order, without the organizations' fields: for a "
            + "permission scope, which needs a whole subtree (a province's 20,000 organizations) as a set and nothing else.")
    @NonNull
    @Id
    public Uni<List<@NonNull List<@NonNull UUID>>> descendantIds(@Source List<OrganizationView> orgs, OrgKind kind,
            AdminLevel level) {
        return service.descendants(ids(orgs), kind, level).map(found -> orgs.stream()
                .map(o -> found.getOrDefault(o.id(), List.of()).stream().map(OrgNode::id).toList()).toList());
    }

    @Description("For a collective: its current members by its rule; empty for any other organization.")
    @NonNull
    public Uni<List<@NonNull List<@NonNull OrganizationView>>> members(@Source List<OrganizationView> orgs) {
        List<UUID> collectives = orgs.stream().filter(o -> o.kind() == OrgKind.COLLECTIVE).map(OrganizationView::id).toList();
        return service.members(collectives).map(found -> grouped(orgs, found));
    }

    @Description("For a collective: who its members are; null for any other organization.")
    public Uni<List<MemberRuleView>> memberRule(@Source List<OrganizationView> orgs) {
        List<UUID> collectives = orgs.stream().filter(o -> o.kind() == OrgKind.COLLECTIVE).map(OrganizationView::id).toList();
        return service.rules(collectives).chain(rules -> service.findByIds(rules.stream().map(r -> r.underId).distinct().toList())
                .map(unders -> {
                    Map<UUID, Organization> underById = unders.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
                    Map<UUID, CollectiveRule> byCollective = rules.stream().collect(Collectors.toMap(r -> r.collectiveId, Function.identity()));
                    return orgs.stream().map(o -> {
                        CollectiveRule rule = byCollective.get(o.id());
                        return rule == null ? null
                                : new MemberRuleView(OrganizationView.of(underById.get(rule.underId)), rule.memberKind, rule.memberLevel, o.id());
                    }).toList();
                }));
    }

    @Description("Every audited write to this organization, newest first: who, when, which action, which fields changed.")
    @NonNull
    public Uni<List<@NonNull List<@NonNull HistoryEntry>>> history(@Source List<OrganizationView> orgs) {
        return service.history(ids(orgs)).map(found -> orgs.stream().map(o -> found.getOrDefault(o.id(), List.of())).toList());
    }

    public Uni<@NonNull List<@NonNull OrganizationView>> orgs(@Source Viewer viewer) {
        return service.findByCodes(viewer.orgCodes()).map(found -> found.stream()
                .sorted(Comparator.comparing(o -> o.code)).map(OrganizationView::of).toList());
    }

    private Uni<List<OrganizationView>> byIds(List<UUID> ids) {
        return service.findByIds(ids.stream().filter(Objects::nonNull).distinct().toList()).map(found -> inOrder(ids, found));
    }

    private static List<UUID> ids(List<OrganizationView> orgs) {
        return orgs.stream().map(OrganizationView::id).distinct().toList();
    }

    private static List<List<OrganizationView>> grouped(List<OrganizationView> orgs, Map<UUID, List<Organization>> found) {
        return orgs.stream().map(o -> views(found.getOrDefault(o.id(), List.of()))).toList();
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
