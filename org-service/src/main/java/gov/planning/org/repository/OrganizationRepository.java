package gov.planning.org.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    public Uni<Organization> findByCode(String code) {
        return find("code", code).firstResult();
    }

    /** One query for any number of ids: what a batched federation lookup needs. */
    public Uni<List<Organization>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }

    /**
     * Organizations whose name, short name or code contains {@code search}, optionally of one kind and directly
     * under the organization with {@code parentCode}; every filter is optional.
     */
    public Uni<List<Organization>> search(String search, OrgKind kind, UUID parentId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (search != null && !search.isBlank()) {
            where.append(" and (name like :search or shortName like :search or code like :search)");
            params.and("search", "%" + search.strip() + "%");
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (parentId != null) {
            where.append(" and parentId = :parentId");
            params.and("parentId", parentId);
        }
        return find(where.toString(), Sort.by("code"), params).list();
    }
}
