package gov.planning.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import gov.planning.gateway.composition.CompositionException;
import gov.planning.gateway.composition.SupergraphLoader;

/** Operations for administrators: re-reading the subgraphs' schemas after one of them was deployed. */
@Path("/admin")
@RolesAllowed("admin")
public class AdminResource {

    @Inject
    SupergraphLoader supergraphs;

    /** 200 with the new graph's size; 409 with the conflicts (the previous supergraph stays in service). */
    @POST
    @Path("recompose")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> recompose() {
        return supergraphs.recompose().handle((supergraph, failure) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            if (failure == null) {
                body.put("status", "composed");
                body.put("subgraphs", supergraph.subgraphs());
                body.put("types", supergraph.apiSchema().getAllTypesAsList().stream().filter(t -> !t.getName().startsWith("__")).count());
                return Response.ok(body).build();
            }
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            body.put("status", "failed");
            body.put("error", cause.getMessage());
            if (cause instanceof CompositionException conflict) {
                body.put("conflicts", conflict.conflicts());
                return Response.status(Response.Status.CONFLICT).entity(body).build();
            }
            return Response.status(Response.Status.BAD_GATEWAY).entity(body).build();
        });
    }
}
