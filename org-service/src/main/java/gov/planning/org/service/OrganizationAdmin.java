package gov.planning.org.service;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import gov.planning.common.api.Texts;
import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditSnapshot;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ConflictException;
import gov.planning.common.error.InputValidator;
import gov.planning.common.error.NotFoundException;
import gov.planning.common.error.UniqueRules;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.org.entity.CollectiveRule;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import gov.planning.org.repository.CollectiveRuleRepository;
import gov.planning.org.repository.OrganizationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes to organizations: admins only. Each write is one transaction that also appends its audit entry; only after
 * it has committed is the name-resolution snapshot dropped and {@link OrganizationChanged} fired, so nobody acts on
 * a change that was rolled back.
 */
@ApplicationScoped
public class OrganizationAdmin {

    private static final Logger LOG = Logger.getLogger(OrganizationAdmin.class);
    private static final String MANAGE = "manage organizations";

    @Inject
    OrganizationRepository organizations;

    @Inject
    CollectiveRuleRepository rules;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Event<OrganizationChanged> changed;

    @Inject
    Caller caller;

    @Inject
    InputValidator validator;

    public Uni<Organization> create(NewOrganization input) {
        String actor = requireAdmin();
        validator.check(input);
        return committed("CREATE", () -> requireCodeFree(input.code())
                .chain(() -> parentOrNull(input.parentCode()))
                .chain(parent -> {
                    Organization org = new Organization();
                    org.code = input.code();
                    org.name = Texts.required("name", input.name());
                    org.shortName = Texts.clean(input.shortName());
                    org.aliases = aliases(input.aliases());
                    org.kind = input.kind();
                    org.level = input.level();
                    org.region = Texts.clean(input.region());
                    org.parentId = parent == null ? null : parent.id;
                    org.validFrom = input.validFrom();
                    return organizations.persist(org).chain(() -> audited(actor, "CREATE", org, null, null));
                }));
    }

    public Uni<Organization> update(UUID id, int version, OrganizationUpdate input) {
        String actor = requireAdmin();
        validator.check(input);
        return committed("UPDATE", () -> current(id, version).chain(org -> {
            AuditSnapshot before = OrganizationSnapshot.of(org, null);
            if (input.name() != null) {
                org.name = Texts.required("name", input.name());
            }
            if (input.shortName() != null) {
                org.shortName = Texts.clean(input.shortName());
            }
            if (input.aliases() != null && !Arrays.equals(org.aliases, aliases(input.aliases()))) {
                org.aliases = aliases(input.aliases());
            }
            if (input.level() != null) {
                org.level = input.level();
            }
            if (input.region() != null) {
                org.region = Texts.clean(input.region());
            }
            if (input.validFrom() != null) {
                org.validFrom = input.validFrom();
            }
            if (input.validTo() != null) {
                org.validTo = input.validTo();
            }
            requireValidity(org);
            return audited(actor, "UPDATE", org, before, null);
        }));
    }

    /** Re-parents an organization; refuses to put it below itself, which would cut it off from the tree. */
    public Uni<Organization> move(UUID id, String newParentCode, int version) {
        String actor = requireAdmin();
        return committed("MOVE", () -> current(id, version).chain(org -> parentOrNull(newParentCode)
                .chain(parent -> requireNotBelow(org, parent).chain(() -> {
                    AuditSnapshot before = OrganizationSnapshot.of(org, null);
                    org.parentId = parent == null ? null : parent.id;
                    return audited(actor, "MOVE", org, before, null);
                }))));
    }

    private Uni<Void> requireNotBelow(Organization org, Organization parent) {
        if (parent == null) {
            return Uni.createFrom().voidItem();
        }
        if (parent.id.equals(org.id)) {
            return Uni.createFrom().failure(new BadUserInputException("newParentCode: " + org.code + " cannot be its own parent"));
        }
        return organizations.ancestors(List.of(parent.id)).invoke(chains -> {
            if (chains.getOrDefault(parent.id, List.of()).stream().anyMatch(a -> a.id.equals(org.id))) {
                throw new BadUserInputException("newParentCode: " + parent.code + " is below " + org.code
                        + "; moving it there would make a cycle");
            }
        }).replaceWithVoid();
    }

    /** Ends an organization's validity; the record stays, for history and for the documents that name it. */
    public Uni<Organization> deactivate(UUID id, LocalDate validTo) {
        String actor = requireAdmin();
        if (validTo == null) {
            throw new BadUserInputException("validTo: must be given");
        }
        return committed("DEACTIVATE", () -> found(id).chain(org -> {
            AuditSnapshot before = OrganizationSnapshot.of(org, null);
            org.validTo = validTo;
            requireValidity(org);
            return audited(actor, "DEACTIVATE", org, before, null);
        }));
    }

    /**
     * Records that {@code successorCode} took over from {@code predecessorCode} on {@code date} (a reform): the
     * predecessor ends that day and points at the successor, which starts that day unless it already had a start.
     */
    public Uni<Organization> recordSuccession(String predecessorCode, String successorCode, LocalDate date) {
        String actor = requireAdmin();
        if (date == null) {
            throw new BadUserInputException("date: must be given");
        }
        if (predecessorCode != null && predecessorCode.equals(successorCode)) {
            throw new BadUserInputException("successorCode: an organization cannot succeed itself");
        }
        return committed("SUCCESSION", () -> byCode("predecessorCode", predecessorCode)
                .chain(predecessor -> byCode("successorCode", successorCode).chain(successor ->
                        requireNoSuccessionCycle(predecessor, successor, successor.successorId, 0).chain(() -> {
                            AuditSnapshot before = OrganizationSnapshot.of(predecessor, null);
                            predecessor.validTo = date;
                            predecessor.successorId = successor.id;
                            requireValidity(predecessor);
                            Uni<Organization> successorStarts = Uni.createFrom().item(successor);
                            if (successor.validFrom == null) {
                                AuditSnapshot successorBefore = OrganizationSnapshot.of(successor, null);
                                successor.validFrom = date;
                                requireValidity(successor);
                                successorStarts = audited(actor, "SUCCESSION", successor, successorBefore, null);
                            }
                            return successorStarts.chain(() -> audited(actor, "SUCCESSION", predecessor, before, null));
                        }))));
    }

    public Uni<Organization> createCollective(NewCollective input) {
        String actor = requireAdmin();
        validator.check(input);
        return committed("CREATE", () -> requireCodeFree(input.code())
                .chain(() -> byCode("parentCode", input.parentCode()))
                .chain(parent -> byCode("rule.underCode", input.rule().underCode()).chain(under -> {
                    Organization org = new Organization();
                    org.code = input.code();
                    org.name = Texts.required("name", input.name());
                    org.aliases = aliases(input.aliases());
                    org.kind = OrgKind.COLLECTIVE;
                    // A collective is addressed by the government it belongs to, so it shares that level.
                    org.level = parent.level;
                    org.parentId = parent.id;
                    return organizations.persist(org).chain(() -> {
                        CollectiveRule rule = rule(org.id, under, input.rule());
                        return rules.persist(rule).chain(() -> audited(actor, "CREATE", org, null, rule));
                    });
                })));
    }

    public Uni<Organization> setCollectiveRule(UUID id, MemberRule input) {
        String actor = requireAdmin();
        validator.check(input);
        return committed("SET_RULE", () -> found(id).chain(org -> {
            if (org.kind != OrgKind.COLLECTIVE) {
                throw new BadUserInputException("id: " + org.code + " is not a collective (kind " + org.kind + ")");
            }
            return byCode("rule.underCode", input.underCode()).chain(under -> rules.findById(org.id)
                    .chain(existing -> {
                        AuditSnapshot before = OrganizationSnapshot.of(org, existing);
                        CollectiveRule rule = existing != null ? existing : new CollectiveRule();
                        rule.collectiveId = org.id;
                        rule.underId = under.id;
                        rule.memberKind = input.kind();
                        rule.memberLevel = input.level();
                        Uni<?> saved = existing != null ? Uni.createFrom().item(rule) : rules.persist(rule);
                        return saved.chain(() -> audited(actor, "SET_RULE", org, before, rule));
                    }));
        }));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String requireAdmin() {
        caller.requireAnyRole(MANAGE, PlatformRole.ADMIN);
        return caller.username();
    }

    /**
     * Runs {@code work} in one transaction and, once it has committed, drops the snapshot and announces the change.
     * A concurrent write that won the race surfaces at flush as an optimistic-lock failure: that is a CONFLICT too.
     */
    private Uni<Organization> committed(String action, Supplier<Uni<Organization>> work) {
        return Panache.withTransaction(work)
                .onFailure(OrganizationAdmin::isConcurrentWrite)
                .transform(e -> new ConflictException("The organization was changed by someone else meanwhile; read it again and retry"))
                .onFailure().transform(UniqueRules::toConflict)
                .onFailure(OrganizationAdmin::isConstraintViolation)
                .transform(e -> new ConflictException("The write conflicts with an organization written meanwhile (e.g. the same code)"))
                .invoke(org -> afterCommit(org, action));
    }

    void afterCommit(Organization org, String action) {
        changed.fireAsync(new OrganizationChanged(org.id, org.code, action)).exceptionally(e -> {
            LOG.warnf(e, "An observer of %s on %s failed", action, org.code);
            return null;
        });
    }

    private static boolean isConcurrentWrite(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Flushes first, so the entry's {@code after} holds the new version and a failing write never gets an entry. A
     * write that changed nothing leaves no entry.
     */
    private Uni<Organization> audited(String actor, String action, Organization org, AuditSnapshot before, CollectiveRule rule) {
        return organizations.flush().chain(() -> {
            AuditSnapshot after = OrganizationSnapshot.of(org, rule);
            return after.equals(before) ? Uni.createFrom().voidItem() : auditTrail.append(AuditEvent.of(actor, action, org.id, before, after));
        }).replaceWith(org);
    }

    private Uni<Organization> found(UUID id) {
        return organizations.findById(id).onItem().ifNull()
                .failWith(() -> new NotFoundException("No organization has id " + id));
    }

    /** The organization as the caller last read it: a stale version means someone else changed it since. */
    private Uni<Organization> current(UUID id, int version) {
        return found(id).invoke(org -> {
            if (org.version != version) {
                throw new ConflictException(org.code + " has changed since version " + version + " (now " + org.version
                        + "); read it again and retry");
            }
        });
    }

    private Uni<Organization> byCode(String field, String code) {
        return organizations.findByCode(code).onItem().ifNull()
                .failWith(() -> new BadUserInputException(field + ": no organization has code " + code));
    }

    private Uni<Organization> parentOrNull(String parentCode) {
        return parentCode == null ? Uni.createFrom().nullItem() : byCode("parentCode", parentCode);
    }

    private Uni<Void> requireCodeFree(String code) {
        return organizations.findByCode(code).invoke(existing -> {
            if (existing != null) {
                throw new ConflictException("An organization with code " + code + " already exists: " + existing.name);
            }
        }).replaceWithVoid();
    }

    /** Walks the successor chain from the new successor; reaching the predecessor would make succession circular. */
    private Uni<Void> requireNoSuccessionCycle(Organization predecessor, Organization successor, UUID next, int hops) {
        if (next == null || hops > 50) {
            return Uni.createFrom().voidItem();
        }
        if (next.equals(predecessor.id)) {
            return Uni.createFrom().failure(new BadUserInputException("successorCode: " + successor.code
                    + " already leads to " + predecessor.code + " by succession; this would make a cycle"));
        }
        return organizations.findById(next).chain(o -> requireNoSuccessionCycle(predecessor, successor,
                o == null ? null : o.successorId, hops + 1));
    }

    private static void requireValidity(Organization org) {
        if (org.validFrom != null && org.validTo != null && org.validTo.isBefore(org.validFrom)) {
            throw new BadUserInputException("validTo: " + org.validTo + " is before validFrom " + org.validFrom + " of " + org.code);
        }
    }

    static CollectiveRule rule(UUID collectiveId, Organization under, MemberRule input) {
        CollectiveRule rule = new CollectiveRule();
        rule.collectiveId = collectiveId;
        rule.underId = under.id;
        rule.memberKind = input.kind();
        rule.memberLevel = input.level();
        return rule;
    }

    static String[] aliases(List<String> aliases) {
        if (aliases == null) {
            return new String[0];
        }
        aliases.stream().filter(a -> a != null && a.length() > 200).findFirst().ifPresent(a -> {
            throw new BadUserInputException("aliases: an alias must be at most 200 characters");
        });
        return new LinkedHashSet<>(aliases.stream().map(Texts::clean).filter(java.util.Objects::nonNull).toList())
                .toArray(String[]::new);
    }
}
