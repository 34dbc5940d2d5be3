package io.crmsync.writer.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Salesforce endpoints the writer uses, relative to the org's instance URL. Answers are raw
 * {@link Response}s: error arrays, SOAP faults and {@code Sforce-Limit-Info} all matter to the caller.
 */
@Path("/services")
public interface SalesforceApi {

    /** The API version of every call; one the writer's wire shapes were written against. */
    String VERSION = "60.0";
    String SOAP_CONTENT_TYPE = "text/xml; charset=utf-8";

    @PATCH
    @Path("/data/v" + VERSION + "/composite/sobjects/{sObject}/{externalIdField}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response upsert(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("sObject") String sObject,
                    @PathParam("externalIdField") String externalIdField, SalesforceWire.CollectionRequest request);

    @PATCH
    @Path("/data/v" + VERSION + "/composite/sobjects")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SalesforceWire.CollectionRequest request);

    @GET
    @Path("/data/v" + VERSION + "/query")
    @Produces(MediaType.APPLICATION_JSON)
    Response query(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("q") String soql);

    @GET
    @Path("/data/v" + VERSION + "/sobjects/{sObject}/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("sObject") String sObject,
                 @PathParam("id") String id);

    /** The SOAP API (partner WSDL); the session travels in the envelope's {@code SessionHeader}. */
    @POST
    @Path("/Soap/u/" + VERSION)
    @Consumes(SOAP_CONTENT_TYPE)
    @Produces(MediaType.TEXT_XML)
    Response soap(@HeaderParam("SOAPAction") String soapAction, String envelope);
}
