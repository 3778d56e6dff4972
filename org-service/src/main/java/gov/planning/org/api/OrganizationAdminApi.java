package gov.planning.org.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.Ids;
import gov.planning.common.api.PageInfo;
import gov.planning.org.service.MemberRule;
import gov.planning.org.service.NewCollective;
import gov.planning.org.service.NewOrganization;
import gov.planning.org.service.OrganizationAdmin;
import gov.planning.org.service.OrganizationService;
import gov.planning.org.service.OrganizationUpdate;
import io.smallrye.mutiny.Uni;

/** Managing organizations (admins only) and reading the audit log of those writes. */
@GraphQLApi
public class OrganizationAdminApi {

    @Inject
    OrganizationAdmin admin;

    @Inject
    OrganizationService service;

    @Mutation
    @Description("Creates an organization (admin only).")
    public Uni<@NonNull OrganizationView> createOrganization(@NonNull @Name("input") NewOrganization input) {
        return admin.create(input).map(OrganizationView::of);
    }

    @Mutation
    @Description("Changes an organization's fields (admin only); CONFLICT when `version` is not the current one.")
    public Uni<@NonNull OrganizationView> updateOrganization(@Id @NonNull String id, int version,
            @NonNull @Name("input") OrganizationUpdate input) {
        return admin.update(Ids.parse("id", id), version, input).map(OrganizationView::of);
    }

    @Mutation
    @Description("Puts an organization under another (admin only); no parent code makes it a root. Refuses cycles.")
    public Uni<@NonNull OrganizationView> moveOrganization(@Id @NonNull String id, String newParentCode, int version) {
        return admin.move(Ids.parse("id", id), newParentCode, version).map(OrganizationView::of);
    }

    @Mutation
    @Description("Ends an organization's validity on `validTo` (admin only); the record stays for history.")
    public Uni<@NonNull OrganizationView> deactivateOrganization(@Id @NonNull String id, @NonNull LocalDate validTo) {
        return admin.deactivate(Ids.parse("id", id), validTo).map(OrganizationView::of);
    }

    @Mutation
    @Description("Records a reform (admin only): the predecessor ends on `date` and names the successor. Returns the predecessor.")
    public Uni<@NonNull OrganizationView> recordSuccession(@NonNull String predecessorCode, @NonNull String successorCode,
            @NonNull LocalDate date) {
        return admin.recordSuccession(predecessorCode, successorCode, date).map(OrganizationView::of);
    }

    @Mutation
    @Description("Creates a collective (a phrase such as 各旗县人民政府) with its member rule (admin only).")
    public Uni<@NonNull OrganizationView> createCollective(@NonNull @Name("input") NewCollective input) {
        return admin.createCollective(input).map(OrganizationView::of);
    }

    // Named explicitly: MicroProfile GraphQL would strip the "set" and publish it as collectiveRule.
    @Mutation("setCollectiveRule")
    @Description("Replaces a collective's member rule (admin only).")
    public Uni<@NonNull OrganizationView> setCollectiveRule(@Id @NonNull String id, @NonNull @Name("rule") MemberRule rule) {
        return admin.setCollectiveRule(Ids.parse("id", id), rule).map(OrganizationView::of);
    }

    @Query
    @Description("Writes to organizations, newest first, for one organization or all (admin only).")
    public Uni<OrganizationAuditPage.@NonNull Connection> auditLog(@Id String organizationId, Integer first, String after) {
        int offset = Cursor.offsetAfter(after);
        int size = Cursor.pageSize(first);
        return service.auditLog(organizationId == null ? null : Ids.parse("organizationId", organizationId), offset, size)
                .map(page -> {
                    List<OrganizationAuditPage.Edge> edges = new ArrayList<>();
                    for (int i = 0; i < page.entries().size(); i++) {
                        var e = page.entries().get(i);
                        edges.add(new OrganizationAuditPage.Edge(new OrganizationAuditPage.Entry(e.id(), e.at(), e.actor(), e.action(), e.organizationId(),
                                e.before(), e.after()), Cursor.encode(offset + i)));
                    }
                    String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
                    return new OrganizationAuditPage.Connection(edges, new PageInfo(page.hasNextPage(), end), (int) page.totalCount());
                });
    }
}
