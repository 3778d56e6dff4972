package gov.planning.org.service;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ConflictException;
import gov.planning.common.error.InputValidator;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import gov.planning.org.repository.OrganizationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganizationService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    Caller caller;

    @Inject
    InputValidator validator;

    @WithSession
    public Uni<Organization> findById(UUID id) {
        return organizations.findById(id);
    }

    @WithSession
    public Uni<Organization> findByCode(String code) {
        return organizations.findByCode(code);
    }

    @WithSession
    public Uni<List<Organization>> findByIds(Collection<UUID> ids) {
        return organizations.findByIds(ids);
    }

    @WithSession
    public Uni<List<Organization>> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return organizations.list("code in ?1", codes);
    }

    @WithSession
    public Uni<List<Organization>> childrenOf(Collection<UUID> parentIds) {
        if (parentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return organizations.list("parentId in ?1 order by code", parentIds);
    }

    /** An unknown parent code yields no organizations rather than all of them. */
    @WithSession
    public Uni<List<Organization>> search(String search, OrgKind kind, String parentCode) {
        if (parentCode == null) {
            return organizations.search(search, kind, null);
        }
        return organizations.findByCode(parentCode).chain(parent -> parent == null
                ? Uni.createFrom().item(List.<Organization>of())
                : organizations.search(search, kind, parent.id));
    }

    @WithTransaction
    public Uni<Organization> create(NewOrganization input) {
        caller.requireAnyRole("manage organizations", PlatformRole.ADMIN);
        validator.check(input);
        return organizations.findByCode(input.code()).chain(existing -> {
            if (existing != null) {
                throw new ConflictException("An organization with code " + input.code() + " already exists: " + existing.name);
            }
            if (input.parentCode() == null) {
                return Uni.createFrom().item((Organization) null);
            }
            return organizations.findByCode(input.parentCode()).onItem().ifNull()
                    .failWith(() -> new BadUserInputException("parentCode: no organization has code " + input.parentCode()));
        }).chain(parent -> {
            Organization org = new Organization();
            org.code = input.code();
            org.name = input.name().strip();
            org.shortName = input.shortName() == null ? null : input.shortName().strip();
            org.kind = input.kind();
            org.level = input.level();
            org.parentId = parent == null ? null : parent.id;
            org.validFrom = input.validFrom();
            return organizations.persist(org);
        });
    }
}
