package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.HubSpotAssociation;
import io.crmsync.sandbox.crm.service.HubSpotBatchOutcome;
import io.crmsync.sandbox.crm.service.HubSpotService;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** HubSpot CRM v4 associations API under an account prefix. */
@Path("/{account}/crm/v4/associations/{fromObjectType}/{toObjectType}")
@Produces(MediaType.APPLICATION_JSON)
public class HubSpotAssociationsResource {

    private final CrmCallGuard guard;
    private final HubSpotDialect dialect;
    private final HubSpotService hubspot;
    private final JsonBodies bodies;

    public HubSpotAssociationsResource(CrmCallGuard guard, HubSpotDialect dialect, HubSpotService hubspot,
                                       JsonBodies bodies) {
        this.guard = guard;
        this.dialect = dialect;
        this.hubspot = hubspot;
        this.bodies = bodies;
    }

    @POST
    @Path("/batch/associate/default")
    public Response associateDefault(@PathParam("account") String account,
                                     @PathParam("fromObjectType") String fromObjectType,
                                     @PathParam("toObjectType") String toObjectType,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        String endpoint = "POST /crm/v4/associations/" + fromObjectType + "/" + toObjectType + "/batch/associate/default";
        return guard.handle(dialect, account, authorization, endpoint, () -> {
            HubSpotBatchOutcome<HubSpotAssociation> outcome = hubspot.associateDefault(account, fromObjectType,
                    toObjectType, HubSpotRequests.associationInputs(bodies.parse(body)));
            return Response.ok(HubSpotWire.batch(outcome, HubSpotWire::association)).build();
        });
    }
}
