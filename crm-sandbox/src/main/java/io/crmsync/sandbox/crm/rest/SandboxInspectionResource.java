package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.HubSpotService;
import io.crmsync.sandbox.crm.service.SalesforceObject;
import io.crmsync.sandbox.crm.service.SalesforceService;
import io.crmsync.sandbox.crm.service.StatsReporter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only views for tests and operators. These calls bypass {@link CrmCallGuard}: no auth, no
 * faults, and they are never counted in the stats.
 */
@Path("/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxInspectionResource {

    private final HubSpotService hubspot;
    private final SalesforceService salesforce;
    private final StatsReporter stats;

    public SandboxInspectionResource(HubSpotService hubspot, SalesforceService salesforce, StatsReporter stats) {
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.stats = stats;
    }

    /** {@code [{"id","properties":{...},"associations":{"contacts":["12"]}}]} in creation order. */
    @GET
    @Path("/hubspot/{account}/objects/{objectType}")
    public List<HubSpotWire.SandboxObject> hubspotObjects(@PathParam("account") String account,
                                                          @PathParam("objectType") String objectType) {
        return hubspot.list(account, objectType).stream().map(HubSpotWire::sandbox).toList();
    }

    /** {@code [{"Id":"003...", <fields as written>}]} in creation order. */
    @GET
    @Path("/salesforce/{account}/sobjects/{sObject}")
    public List<Map<String, Object>> salesforceRecords(@PathParam("account") String account,
                                                       @PathParam("sObject") String sObject) {
        return salesforce.list(account, sObject).stream().map(SandboxInspectionResource::fields).toList();
    }

    @GET
    @Path("/stats")
    public StatsReporter.SandboxStats stats() {
        return stats.report();
    }

    private static Map<String, Object> fields(SalesforceObject record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Id", record.id());
        fields.putAll(record.fields());
        return fields;
    }
}
