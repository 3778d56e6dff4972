package gov.planning.plan.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import gov.planning.common.api.Ids;
import gov.planning.common.api.SortOrder;
import gov.planning.common.api.TextSearch;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.NotFoundException;
import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.entity.TaskStatus;
import gov.planning.plan.service.LedgerService;
import gov.planning.plan.service.Permissions;
import gov.planning.plan.service.TaskQuery;
import gov.planning.plan.service.TaskReads;
import gov.planning.plan.service.TaskSort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The task ledger (台账) downloads: of a plan, and of a filtered task list with the filters of the GraphQL
 * {@code tasks} query, or with {@code mine=true} those of {@code myTasks} (我的任务, with its reportDue and returned). Reading is open to every signed-in role (docs/domain.md §4), like the GraphQL reads. The file is
 * named as staff save it, {@code <title>-台账-<date>.xlsx} (RFC 6266 {@code filename*}), with an ASCII fallback.
 */
@Path("/")
@Authenticated
public class LedgerResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    LedgerService ledger;

    @Inject
    TaskReads reads;

    @Inject
    Permissions permissions;

    @Inject
    Clock clock;

    @GET
    @Path("plans/{id}/ledger.xlsx")
    @Produces(XLSX)
    public Uni<Response> planLedgerOldPath(@PathParam("id") String id) {
        return planLedger(id.endsWith(".xlsx") ? id : id + ".xlsx");
    }

    @GET
    @Path("ledger/plans/{file}")
    @Produces({ XLSX, MediaType.TEXT_PLAIN })
    public Uni<Response> planLedger(@PathParam("file") String file) {
        UUID planId = Ids.parseOrNull(file.replaceFirst("\\.xlsx$", ""));
        if (planId == null) {
            return Uni.createFrom().item(notFound());
        }
        return ledger.ledger(planId).map(this::download).onFailure(NotFoundException.class).recoverWithItem(notFound());
    }

    @GET
    @Path("ledger/tasks.xlsx")
    @Produces({ XLSX, MediaType.TEXT_PLAIN })
    public Uni<Response> taskListLedger(@QueryParam("planId") String planId, @QueryParam("orgId") String orgId,
            @QueryParam("orgCode") String orgCode, @QueryParam("includeSubOrgs") boolean includeSubOrgs,
            @QueryParam("role") String role, @QueryParam("health") String health, @QueryParam("status") List<String> status,
            @QueryParam("dueBefore") String dueBefore, @QueryParam("dueAfter") String dueAfter, @QueryParam("search") String search,
            @QueryParam("sortBy") String sortBy, @QueryParam("order") String order, @QueryParam("mine") boolean mine,
            @QueryParam("reportDue") String reportDue, @QueryParam("returned") String returned) {
        try {
            if (mine && (orgId != null || orgCode != null)) {
                throw new BadUserInputException("mine: lists the caller's own organizations; leave out orgId and orgCode");
            }
            Boolean due = flag("reportDue", reportDue);
            Boolean back = flag("returned", returned);
            if (!mine && (due != null || back != null)) {
                throw new BadUserInputException((due != null ? "reportDue" : "returned") + ": needs mine=true (the flags are the caller's)");
            }
            UUID plan = planId == null ? null : Ids.parse("planId", planId);
            UUID org = orgId == null ? null : Ids.parse("orgId", orgId);
            TaskRole inRole = parse("role", role, TaskRole.class);
            Health ofHealth = parse("health", health, Health.class);
            List<TaskStatus> statuses = status == null || status.isEmpty() ? null
                    : status.stream().map(s -> parse("status", s, TaskStatus.class)).toList();
            LocalDate before = day("dueBefore", dueBefore);
            LocalDate after = day("dueAfter", dueAfter);
            String term = TextSearch.term("search", search);
            TaskSort sort = parse("sortBy", sortBy, TaskSort.class);
            SortOrder direction = parse("order", order, SortOrder.class);
            Set<UUID> plans = plan == null ? null : Set.of(plan);
            if (mine) {
                // 我的任务 as its screen lists it (the myTasks query): the caller's organizations and those they act for.
                return permissions.reportingOrgs()
                        .chain(own -> ledger.ledger(TaskQuery.builder().plans(plans).orgs(own, inRole).health(ofHealth)
                                .statuses(statuses).due(before, after).search(term).inbox(own, due, back)
                                .sort(sort == null ? TaskSort.HEALTH : sort, direction).page(0, LedgerService.MAX_LIST_ROWS, null).build(),
                                "我的任务"))
                        .map(this::download);
            }
            return reads.orgFilter(org, orgCode, includeSubOrgs)
                    .chain(orgs -> ledger.ledger(TaskQuery.builder().plans(plans).orgs(orgs, inRole).health(ofHealth)
                            .statuses(statuses).due(before, after).search(term).sort(sort, direction)
                            .page(0, LedgerService.MAX_LIST_ROWS, null).build(), "任务清单"))
                    .map(this::download);
        } catch (BadUserInputException e) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity(e.getMessage()).build());
        }
    }

    private Response download(LedgerService.Ledger ledger) {
        String name = ledger.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "-台账-" + LocalDate.now(clock) + ".xlsx";
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(ledger.xlsx(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"ledger-" + LocalDate.now(clock) + ".xlsx\"; filename*=UTF-8''" + encoded)
                .build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE).entity("no such plan").build();
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadUserInputException(field + ": '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new BadUserInputException(field + ": '" + value + "' is not true or false");
        }
        return Boolean.valueOf(value);
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadUserInputException(field + ": '" + value + "' is not a date (yyyy-MM-dd)");
        }
    }
}
