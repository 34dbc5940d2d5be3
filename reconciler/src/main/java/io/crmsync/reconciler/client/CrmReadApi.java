package io.crmsync.reconciler.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The two read calls the reconciler makes of a tenant's CRM, relative to the account's base URL
 * (HubSpot API host, Salesforce instance URL). Bodies travel as text; the status decides what they mean.
 */
public interface CrmReadApi {

    /** HubSpot CRM v3 batch read, by record id or by a unique property ({@code idProperty}). */
    @POST
    @Path("/crm/v3/objects/{objectType}/batch/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<String> hubspotBatchRead(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                          @PathParam("objectType") String objectType, String body);

    /** Salesforce REST SOQL query. */
    @GET
    @Path("/services/data/{version}/query")
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<String> salesforceQuery(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                         @PathParam("version") String version, @RestQuery("q") String soql);
}
