package io.crmsync.writer.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HubSpot endpoints the writer uses, relative to the account's base URL. Answers are raw
 * {@link Response}s: 207, 429 and error bodies all carry information the caller needs.
 */
@Path("/crm")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface HubSpotApi {

    @POST
    @Path("/v3/objects/{objectType}/batch/upsert")
    Response batchUpsert(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathParam("objectType") String objectType, HubSpotWire.BatchUpsertRequest request);

    @POST
    @Path("/v3/objects/{objectType}/batch/read")
    Response batchRead(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @PathParam("objectType") String objectType, HubSpotWire.BatchReadRequest request);

    @POST
    @Path("/v3/objects/{objectType}/merge")
    Response merge(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                   @PathParam("objectType") String objectType, HubSpotWire.MergeRequest request);

    @GET
    @Path("/v3/objects/{objectType}/{objectId}")
    Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                 @PathParam("objectType") String objectType, @PathParam("objectId") String objectId);

    @POST
    @Path("/v4/associations/{fromObjectType}/{toObjectType}/batch/associate/default")
    Response associateDefault(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("fromObjectType") String fromObjectType,
                              @PathParam("toObjectType") String toObjectType,
                              HubSpotWire.AssociationBatchRequest request);
}
