package gov.planning.plan.api;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import gov.planning.common.api.Ids;
import gov.planning.common.error.NotFoundException;
import gov.planning.plan.service.LedgerService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The task ledger (台账) download. Reading is open to every signed-in role (DOMAIN.md §4), like the GraphQL reads. */
@Path("/plans")
@Authenticated
public class LedgerResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    LedgerService ledger;

    @GET
    @Path("/{id}/ledger.xlsx")
    @Produces(XLSX)
    public Uni<Response> ledger(@PathParam("id") String id) {
        UUID planId = Ids.parseOrNull(id);
        if (planId == null) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        return ledger.ledger(planId)
                .map(bytes -> Response.ok(bytes, XLSX)
                        .header("Content-Disposition", "attachment; filename=\"ledger-" + planId + ".xlsx\"").build())
                .onFailure(NotFoundException.class).recoverWithItem(Response.status(Response.Status.NOT_FOUND).build());
    }
}
