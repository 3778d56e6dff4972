package gov.planning.plan.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.api.Ids;
import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditSnapshot;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.api.Texts;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ConflictException;
import gov.planning.common.error.InputValidator;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.plan.audit.Snapshots;
import gov.planning.common.api.SortOrder;
import gov.planning.common.api.TextSearch;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.PlanStatus;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.orgclient.OrganizationTree;
import gov.planning.plan.repository.PlanRepository;
import gov.planning.plan.repository.HiddenPlans;
import gov.planning.common.persistence.ReadSessions;
import gov.planning.common.persistence.SqlRows;
import gov.planning.plan.repository.EntityRows;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlanService {

    @Inject
    PlanRepository plans;

    @Inject
    Caller caller;

    @Inject
    InputValidator validator;

    @Inject
    Permissions permissions;

    @Inject
    AuditTrail audit;

    @Inject
    ReadSessions sessions;

    @Inject
    SqlRows db;

    @Inject
    OrganizationTree organizations;

    // Reads run on sessions of their own (ReadSessions): the gateway asks for several plan fields at once.

    public Uni<Plan> findById(UUID id) {
        return sessions.read(s -> s.find(Plan.class, id)).map(HiddenPlans::shown);
    }

    public Uni<List<Plan>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.list("SELECT " + EntityRows.PLAN_AS_P + " FROM plan p WHERE p.id = ANY(:ids) AND " + HiddenPlans.SHOWN,
                Map.of("ids", ids.toArray(UUID[]::new)), EntityRows::plan);
    }

    /** A page of the plans, filtered, sorted and counted in SQL. Default: newest issued first. */
    public Uni<PlanPage> page(PlanFilter filter, PlanSort sortBy, SortOrder order, int offset, int limit) {
        StringBuilder where = new StringBuilder(" FROM plan p WHERE " + HiddenPlans.SHOWN);
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            params.put("status", filter.status().name());
            where.append(" AND p.status = :status");
        }
        if (filter.kind() != null) {
            params.put("kind", filter.kind().name());
            where.append(" AND p.kind = :kind");
        }
        if (filter.issuerId() != null) {
            params.put("issuer", filter.issuerId());
            where.append(" AND p.issuer_id = :issuer");
        }
        if (filter.search() != null) {
            params.put("search", filter.search());
            params.put("searchPattern", TextSearch.containsPattern(filter.search()));
            where.append(" AND (").append(TextSearch.condition("p.title", "search")).append(" OR ")
                    .append(TextSearch.condition("p.doc_number", "search")).append(")");
        }
        if (filter.period() != null) {
            // A period known at one end only (到2025年) is open at the other; a plan without any period is in force at
            // no year we could name, so a period filter leaves it out.
            where.append(" AND (p.period_start IS NOT NULL OR p.period_end IS NOT NULL)");
            if (filter.period().from() != null) {
                params.put("periodFrom", filter.period().from());
                where.append(" AND (p.period_end IS NULL OR p.period_end >= :periodFrom)");
            }
            if (filter.period().to() != null) {
                params.put("periodTo", filter.period().to());
                where.append(" AND (p.period_start IS NULL OR p.period_start <= :periodTo)");
            }
        }
        SortOrder direction = order == null ? (sortBy == null ? SortOrder.DESC : SortOrder.ASC) : order;
        String dir = SortOrder.sql(direction, SortOrder.ASC);
        String key = switch (sortBy == null ? PlanSort.ISSUED : sortBy) {
            case ISSUED -> "p.issued_on " + dir + " NULLS LAST, p.created_at " + dir;
            case UPDATED -> "p.updated_at " + dir;
            case TITLE -> "p.title " + dir;
            case DOC_NUMBER -> "p.doc_number " + dir + " NULLS LAST";
        };
        String page = "SELECT p.id" + where + " ORDER BY " + key + ", p.id LIMIT " + limit + " OFFSET " + offset;
        // The page's plans in the page's statement, its count at the same time (docs/decisions/0023).
        Uni<List<Plan>> plans = db.list("SELECT " + EntityRows.PLAN_AS_P + " FROM plan p WHERE p.id IN (" + page + ") ORDER BY "
                + key + ", p.id", params, EntityRows::plan);
        Uni<List<Object>> count = db.rows("SELECT count(*)" + where, params);
        return Uni.combine().all().unis(plans, count).with((found, total) -> new PlanPage(found, ((Number) total.get(0)).longValue()));
    }

    /** One page of plans and how many the whole list has. */
    public record PlanPage(List<Plan> items, long total) {
    }


    public Uni<Plan> create(NewPlan input) {
        caller.requireAnyRole("create a plan", PlatformRole.ADMIN, PlatformRole.PLANNER);
        validator.check(input);
        if (input.periodStart() != null && input.periodEnd() != null && input.periodStart() > input.periodEnd()) {
            throw new BadUserInputException("periodEnd: " + input.periodEnd() + " is before periodStart " + input.periodStart());
        }
        Plan plan = new Plan();
        plan.title = Texts.required("input.title", input.title());
        plan.kind = input.kind();
        plan.docNumber = Texts.clean(input.docNumber());
        plan.issuerId = Ids.parse("issuerId", input.issuerId());
        plan.issuedOn = input.issuedOn();
        plan.periodStart = input.periodStart();
        plan.periodEnd = input.periodEnd();
        plan.createdBy = caller.username();
        if (input.reportCadence() != null) {
            plan.reportCadence = input.reportCadence();
        }
        if (input.reportDueDay() != null) {
            plan.reportDueDay = input.reportDueDay();
        }
        if (input.reportGraceDays() != null) {
            plan.reportGraceDays = input.reportGraceDays();
        }
        // Checked before the transaction (both ask org-service); they depend on the input only.
        // A planner's issuer is known once it is in their part of the tree; an admin's could be any id.
        return permissions.requireManagePlanIssuedBy("create a plan issued by " + plan.issuerId, plan.issuerId)
                .call(() -> organizations.exists(plan.issuerId).invoke(known -> {
                    if (!known) {
                        throw new BadUserInputException("issuerId: org-service knows no organization " + plan.issuerId);
                    }
                }))
                .chain(() -> writeNew(plan));
    }

    @WithTransaction
    Uni<Plan> writeNew(Plan plan) {
        Uni<Plan> duplicate = plan.docNumber == null ? Uni.createFrom().nullItem() : plans.findByDocNumber(plan.docNumber);
        return duplicate.chain(existing -> {
            if (existing != null) {
                throw new ConflictException("docNumber: plan " + existing.id + " already has document number " + plan.docNumber);
            }
            return plans.persist(plan);
        }).call(saved -> audit.append(AuditEvent.of(caller.username(), "CREATE", null, Snapshots.of(saved))));
    }

    /** DRAFT → PUBLISHED: from now on the responsible units see and report on its tasks. */
    public Uni<Plan> publish(UUID id) {
        caller.requireAnyRole("publish a plan", PlatformRole.ADMIN, PlatformRole.PLANNER);
        return permissions.manageablePlan(id, "publish plan " + id).chain(checked -> writePublish(checked));
    }

    @WithTransaction
    Uni<Plan> writePublish(Plan checked) {
        UUID id = checked.id;
        return AsChecked.plan(plans, checked).chain(plan -> {
            if (plan.status != PlanStatus.DRAFT) {
                throw new ConflictException("plan " + id + " is " + plan.status + ", only a DRAFT plan can be published");
            }
            AuditSnapshot before = Snapshots.of(plan);
            plan.status = PlanStatus.PUBLISHED;
            return plans.flush().chain(() -> audit.append(AuditEvent.of(caller.username(), "PUBLISH", before, Snapshots.of(plan))))
                    .replaceWith(plan);
        });
    }

    /** Changes a plan's reporting cycle (what is given; null: unchanged): the plan's planners, as for editing it. */
    public Uni<Plan> updateReporting(UUID id, ReportCadence cadence, Integer dueDay, Integer graceDays) {
        caller.requireAnyRole("change a plan's reporting cycle", PlatformRole.ADMIN, PlatformRole.PLANNER);
        if (cadence == null && dueDay == null && graceDays == null) {
            throw new BadUserInputException("updatePlanReporting: give at least one of reportCadence, reportDueDay, reportGraceDays");
        }
        if (dueDay != null && (dueDay < 1 || dueDay > 28)) {
            throw new BadUserInputException("reportDueDay: must be between 1 and 28 (a day every month has), was " + dueDay);
        }
        if (graceDays != null && (graceDays < 0 || graceDays > 90)) {
            throw new BadUserInputException("reportGraceDays: must be between 0 and 90, was " + graceDays);
        }
        return permissions.manageablePlan(id, "change the reporting cycle of plan " + id)
                .chain(checked -> writeReporting(checked, cadence, dueDay, graceDays));
    }

    @WithTransaction
    Uni<Plan> writeReporting(Plan checked, ReportCadence cadence, Integer dueDay, Integer graceDays) {
        UUID id = checked.id;
        return AsChecked.plan(plans, checked).chain(plan -> {
            AuditSnapshot before = Snapshots.of(plan);
            if (cadence != null) {
                plan.reportCadence = cadence;
            }
            if (dueDay != null) {
                plan.reportDueDay = dueDay;
            }
            if (graceDays != null) {
                plan.reportGraceDays = graceDays;
            }
            return plans.flush().chain(() -> audit.append(AuditEvent.of(caller.username(), "UPDATE", before, Snapshots.of(plan))))
                    .replaceWith(plan);
        });
    }
}
