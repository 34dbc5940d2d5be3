package io.crmsync.sandbox.crm.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.sandbox.crm.service.HubSpotBatchOutcome;
import io.crmsync.sandbox.crm.service.HubSpotObject;
import io.crmsync.sandbox.crm.service.HubSpotService;
import io.crmsync.sandbox.crm.service.HubSpotUpsertResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.List;

/** HubSpot CRM v3 objects API under an account prefix: {@code /{account}/crm/v3/objects/{objectType}/...}. */
@Path("/{account}/crm/v3/objects/{objectType}")
@Produces(MediaType.APPLICATION_JSON)
public class HubSpotObjectsResource {

    private final CrmCallGuard guard;
    private final HubSpotDialect dialect;
    private final HubSpotService hubspot;
    private final JsonBodies bodies;

    public HubSpotObjectsResource(CrmCallGuard guard, HubSpotDialect dialect, HubSpotService hubspot, JsonBodies bodies) {
        this.guard = guard;
        this.dialect = dialect;
        this.hubspot = hubspot;
        this.bodies = bodies;
    }

    @POST
    @Path("/batch/upsert")
    public Response upsert(@PathParam("account") String account, @PathParam("objectType") String objectType,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return guard.handle(dialect, account, authorization, "POST /crm/v3/objects/" + objectType + "/batch/upsert", () -> {
            HubSpotBatchOutcome<HubSpotUpsertResult> outcome =
                    hubspot.upsert(account, objectType, HubSpotRequests.upsertInputs(bodies.parse(body)));
            return batchResponse(outcome.partial(), HubSpotWire.batch(outcome, HubSpotWire::upserted));
        });
    }

    @POST
    @Path("/batch/read")
    public Response batchRead(@PathParam("account") String account, @PathParam("objectType") String objectType,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return guard.handle(dialect, account, authorization, "POST /crm/v3/objects/" + objectType + "/batch/read", () -> {
            JsonNode request = bodies.parse(body);
            List<String> properties = HubSpotRequests.stringList(request, "properties");
            HubSpotBatchOutcome<HubSpotObject> outcome = hubspot.read(account, objectType,
                    JsonBodies.text(request, "idProperty"), HubSpotRequests.readIds(request));
            return batchResponse(outcome.partial(), HubSpotWire.batch(outcome, o -> HubSpotWire.simple(o, properties)));
        });
    }

    @GET
    @Path("/{objectId}")
    public Response get(@PathParam("account") String account, @PathParam("objectType") String objectType,
                        @PathParam("objectId") String objectId, @QueryParam("idProperty") String idProperty,
                        @QueryParam("properties") List<String> properties,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guard.handle(dialect, account, authorization, "GET /crm/v3/objects/" + objectType + "/{id}", () -> {
            HubSpotObject object = hubspot.get(account, objectType, objectId, idProperty);
            return Response.ok(HubSpotWire.simple(object, splitCommas(properties))).build();
        });
    }

    @POST
    @Path("/merge")
    public Response merge(@PathParam("account") String account, @PathParam("objectType") String objectType,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return guard.handle(dialect, account, authorization, "POST /crm/v3/objects/" + objectType + "/merge", () -> {
            JsonNode request = bodies.parse(body);
            HubSpotObject merged = hubspot.merge(account, objectType,
                    JsonBodies.text(request, "primaryObjectId"), JsonBodies.text(request, "objectIdToMerge"));
            return Response.ok(HubSpotWire.simple(merged, List.of())).build();
        });
    }

    /** 207 Multi-Status when any input failed, as HubSpot does for batch endpoints. */
    private static Response batchResponse(boolean partial, Object entity) {
        return Response.status(partial ? 207 : 200).entity(entity).build();
    }

    /** HubSpot accepts {@code properties=a,b} as well as repeated {@code properties} parameters. */
    private static List<String> splitCommas(List<String> values) {
        return values == null ? List.of() : values.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .toList();
    }
}
