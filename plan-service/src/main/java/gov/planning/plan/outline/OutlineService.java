package gov.planning.plan.outline;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.api.Ids;
import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.api.Texts;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.InputValidator;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.plan.audit.Snapshots;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.Section;
import gov.planning.plan.repository.PlanRepository;
import gov.planning.plan.repository.SectionRepository;
import gov.planning.plan.service.AsChecked;
import gov.planning.plan.service.Permissions;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes on a plan's outline (its sections): the plan's planners, checked before the transaction opens
 * ({@link AsChecked}); the audit entry is appended in the same transaction.
 */
@ApplicationScoped
public class OutlineService {

    @Inject
    PlanRepository plans;

    @Inject
    SectionRepository sections;

    @Inject
    Permissions permissions;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    InputValidator validator;

    public Uni<Section> createSection(UUID planId, NewSection input) {
        caller.requireAnyRole("add to a plan's outline", PlatformRole.ADMIN, PlatformRole.PLANNER);
        validator.check(input);
        UUID parentId = input.parentId() == null ? null : Ids.parse("parentId", input.parentId());
        return permissions.manageablePlan(planId, "edit plan " + planId)
                .chain(checked -> writeSection(checked, parentId, input));
    }

    @WithTransaction
    Uni<Section> writeSection(Plan checked, UUID parentId, NewSection input) {
        UUID planId = checked.id;
        return AsChecked.plan(plans, checked)
                .chain(() -> parentId == null ? Uni.createFrom().nullItem() : sections.findById(parentId))
                .chain(parent -> {
                    if (parentId != null && (parent == null || !parent.planId.equals(planId))) {
                        throw new BadUserInputException("parentId: " + parentId + " is not a section of plan " + planId);
                    }
                    Section section = new Section();
                    section.id = UUID.randomUUID();
                    section.planId = planId;
                    section.parentId = parentId;
                    section.number = blankToNull(input.number());
                    section.heading = Texts.required("input.heading", input.heading());
                    section.level = parent == null ? 1 : parent.level + 1;
                    if (section.level > 10) {
                        throw new BadUserInputException("parentId: an outline nests at most 10 levels");
                    }
                    return sections.countInPlan(planId).chain(count -> {
                        section.position = count.intValue();
                        return sections.persist(section);
                    });
                })
                .call(section -> audit.append(AuditEvent.of(caller.username(), "CREATE", null, Snapshots.of(section))));
    }

    private static String blankToNull(String text) {
        return Texts.clean(text);
    }
}
