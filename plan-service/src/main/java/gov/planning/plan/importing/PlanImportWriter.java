package gov.planning.plan.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import gov.planning.common.api.Texts;
import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditSnapshot;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.error.ConflictException;
import gov.planning.common.error.NotFoundException;
import gov.planning.document.ParsedPlanDocument;
import gov.planning.plan.audit.Snapshots;
import gov.planning.plan.entity.Milestone;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.PlanKind;
import gov.planning.plan.entity.PlanStatus;
import gov.planning.plan.entity.Section;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.entity.TaskStatus;
import gov.planning.plan.repository.PlanRepository;
import gov.planning.plan.repository.SectionRepository;
import gov.planning.plan.repository.TaskRepository;
import gov.planning.plan.service.Permissions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The transactions of an import (a separate bean so that each {@code @WithTransaction} applies): reserve the plan,
 * finish it, or discard it. Each appends its audit entry in its own transaction. The author is passed in, not read
 * from the request: finishing and discarding may happen after the caller's request has ended ({@link ImportActor}).
 */
@ApplicationScoped
public class PlanImportWriter {

    /** Which plan an import writes into; {@code fresh}: created hidden by this import (deleted if it fails). */
    public record Target(UUID planId, boolean fresh) {
    }

    /** A hidden plan older than this is a leftover of an import that died (process stopped); a new import takes it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    @Inject
    PlanRepository plans;

    @Inject
    SectionRepository sections;

    @Inject
    TaskRepository tasks;

    @Inject
    Permissions permissions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * The plan with the document's number: a DRAFT is re-imported in place, a PUBLISHED or ARCHIVED plan is never
     * overwritten (CONFLICT); without one, a new hidden plan reserves the number (its unique index keeps a concurrent
     * import of the same document out). The plan is read and the caller's right to it checked before any transaction
     * (the check may ask org-service); only a new hidden plan is written, in a short one.
     */
    public Uni<Target> reserve(ImportAnalysis a, String author) {
        String number = trim(a.doc().docNumber(), 100);
        Uni<Plan> existing = number == null ? Uni.createFrom().nullItem() : Panache.withSession(() -> plans.findByDocNumber(number));
        return existing.chain(plan -> {
            if (plan != null && plan.importing) {
                if (plan.createdAt != null && plan.createdAt.isAfter(Instant.now().minus(ABANDONED_AFTER))) {
                    throw new ConflictException("docNumber: " + number + " is being imported right now; try again in a few minutes");
                }
                return permissions.requireManagePlan("import into plan " + plan.id, plan).replaceWith(new Target(plan.id, true));
            }
            if (plan != null) {
                if (plan.status != PlanStatus.DRAFT) {
                    throw new ConflictException("docNumber: plan " + plan.id + " with document number " + number + " is "
                            + plan.status + "; an import never overwrites it");
                }
                return permissions.requireManagePlan("re-import plan " + plan.id, plan).replaceWith(new Target(plan.id, false));
            }
            return reserveNew(a, author);
        });
    }

    @WithTransaction
    Uni<Target> reserveNew(ImportAnalysis a, String author) {
        Plan hidden = new Plan();
        header(hidden, a);
        hidden.importing = true;
        hidden.status = PlanStatus.DRAFT;
        hidden.createdBy = author;
        return plans.persist(hidden)
                .call(saved -> audit.append(AuditEvent.of(author, "IMPORT_START", null, Snapshots.of(saved))))
                .map(saved -> new Target(saved.id, true));
    }

    /** Replaces the plan's outline and tasks with the document's and shows the plan (DRAFT), in one transaction. */
    @WithTransaction
    public Uni<Plan> finish(UUID planId, ImportAnalysis a, String author) {
        // Locked: two re-imports of one draft racing here would each delete the tasks they see and both insert theirs.
        return plans.findById(planId, LockModeType.PESSIMISTIC_WRITE).chain(plan -> {
            if (plan == null) {
                throw new NotFoundException("plan " + planId + " disappeared during the import");
            }
            AuditSnapshot before = plan.importing ? null : Snapshots.of(plan);
            return tasks.deleteInPlan(planId).chain(() -> sections.deleteInPlan(planId)).chain(() -> {
                header(plan, a);
                plan.importing = false;
                List<Object> rows = outlineAndTasks(planId, a, author);
                return sections.persist(only(rows, Section.class))
                        .chain(() -> tasks.persist(only(rows, Task.class), only(rows, TaskOrg.class), only(rows, Milestone.class)))
                        .chain(() -> plans.flush())
                        .chain(() -> audit.append(AuditEvent.of(author, "IMPORT", before,
                                Snapshots.of(plan).put("sections", count(rows, Section.class))
                                        .put("tasks", count(rows, Task.class)))))
                        .replaceWith(plan);
            });
        });
    }

    /** Deletes a hidden plan whose import failed; the audit log keeps that it happened. */
    @WithTransaction
    public Uni<Void> discard(UUID planId, String author) {
        return plans.findById(planId).chain(plan -> {
            if (plan == null || !plan.importing) {
                return Uni.createFrom().voidItem();
            }
            AuditSnapshot before = Snapshots.of(plan);
            return tasks.deleteInPlan(planId).chain(() -> sections.deleteInPlan(planId))
                    .chain(() -> plans.delete(plan))
                    .chain(() -> audit.append(AuditEvent.of(author, "IMPORT_FAILED", before, null)));
        });
    }

    /** The parser's guess from the title; a title it cannot place is a 规划. */
    public static PlanKind kindOf(ParsedPlanDocument doc) {
        return doc.kind() == null ? PlanKind.PLAN : PlanKind.valueOf(doc.kind().name());
    }

    private static void header(Plan plan, ImportAnalysis a) {
        ParsedPlanDocument doc = a.doc();
        plan.title = trim(doc.title(), 500);
        plan.kind = kindOf(doc);
        plan.docNumber = trim(doc.docNumber(), 100);
        plan.issuerId = a.issuerId();
        plan.issuedOn = doc.issuedOn();
        boolean period = doc.period() != null && doc.periodStart() <= doc.periodEnd();
        plan.periodStart = period ? doc.periodStart() : null;
        plan.periodEnd = period ? doc.periodEnd() : null;
    }

    /** Sections depth-first (parents before children, as inserted), then tasks with organizations and milestones. */
    private List<Object> outlineAndTasks(UUID planId, ImportAnalysis a, String author) {
        List<Object> sections = new ArrayList<>();
        Map<gov.planning.document.Task, UUID> sectionOf = new java.util.HashMap<>();
        for (gov.planning.document.Section top : a.doc().outline()) {
            addSection(planId, null, 1, top, sections, sectionOf);
        }
        List<Object> tasks = new ArrayList<>();
        List<Object> links = new ArrayList<>();
        Instant now = clock.instant();
        List<gov.planning.document.Task> parsed = a.doc().tasks();
        for (int i = 0; i < parsed.size(); i++) {
            gov.planning.document.Task in = parsed.get(i);
            Task task = new Task();
            task.id = UUID.randomUUID();
            task.planId = planId;
            task.sectionId = sectionOf.get(in);
            task.number = trim(in.number(), 50);
            task.position = i;
            String title = trim(in.title(), 1000);
            task.title = title != null ? title : "（无标题）";
            task.description = trim(in.body(), 10000);
            if (in.deadline() != null) {
                task.deadlineDate = in.deadline().ongoing() ? null : in.deadline().date();
                task.deadlineOngoing = in.deadline().ongoing();
                task.deadlineText = trim(in.deadline().text(), 200);
            }
            task.status = TaskStatus.NOT_STARTED;
            task.createdBy = author;
            task.createdAt = now;
            task.updatedAt = now;
            tasks.add(task);
            // One row per organization (task_org's key): a unit named twice, or both leading and cooperating, leads.
            Set<UUID> leads = new LinkedHashSet<>();
            a.taskLeads().get(i).stream().filter(NameMatch::resolved).forEach(m -> leads.add(m.organization()));
            Set<UUID> cooperating = new LinkedHashSet<>();
            a.taskCooperating().get(i).stream().filter(NameMatch::resolved).map(NameMatch::organization)
                    .filter(id -> !leads.contains(id)).forEach(cooperating::add);
            int position = 0;
            for (UUID lead : leads) {
                links.add(TaskOrg.of(task.id, lead, TaskRole.LEAD, position++));
            }
            for (UUID other : cooperating) {
                links.add(TaskOrg.of(task.id, other, TaskRole.COOPERATING, position++));
            }
            for (int m = 0; m < in.milestones().size(); m++) {
                var given = in.milestones().get(m);
                Milestone milestone = new Milestone();
                milestone.id = UUID.randomUUID();
                milestone.taskId = task.id;
                milestone.dueDate = given.dueDate();
                String description = trim(given.description(), 1000);
                milestone.description = description != null ? description : String.valueOf(given.dueDate());
                milestone.position = m;
                links.add(milestone);
            }
        }
        List<Object> all = new ArrayList<>(sections);
        all.addAll(tasks);
        all.addAll(links);
        return all;
    }

    private static void addSection(UUID planId, UUID parentId, int level, gov.planning.document.Section in, List<Object> out,
            Map<gov.planning.document.Task, UUID> sectionOf) {
        Section section = new Section();
        section.id = UUID.randomUUID();
        section.planId = planId;
        section.parentId = parentId;
        section.number = trim(in.number(), 50);
        String heading = trim(in.heading(), 500);
        section.heading = heading != null ? heading : section.number != null ? section.number : "（无标题）";
        // The table allows 10 levels; deeper nodes (never seen) hang under the 10th.
        section.level = Math.min(level, 10);
        section.position = out.size();
        out.add(section);
        in.tasks().forEach(t -> sectionOf.put(t, section.id));
        UUID childParent = level >= 10 ? parentId : section.id;
        for (gov.planning.document.Section child : in.children()) {
            addSection(planId, childParent, Math.min(level + 1, 10), child, out, sectionOf);
        }
    }

    private static <T> List<T> only(List<Object> rows, Class<T> type) {
        return rows.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static long count(List<Object> rows, Class<?> type) {
        return rows.stream().filter(type::isInstance).count();
    }

    private static String trim(String text, int max) {
        String s = Texts.clean(text);
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
