package io.crmsync.sandbox.crm.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.sandbox.crm.service.RequestRejected;
import io.crmsync.sandbox.crm.service.SalesforceObject;
import io.crmsync.sandbox.crm.service.SalesforceQueryService;
import io.crmsync.sandbox.crm.service.SalesforceSaveResult;
import io.crmsync.sandbox.crm.service.SalesforceService;
import io.crmsync.sandbox.crm.service.Timestamps;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Salesforce REST API under an account prefix, which plays the role of the instance URL:
 * {@code /{account}/services/data/v60.0/...}.
 */
@Path("/{account}/services/data/v{version: [0-9]+\\.[0-9]+}")
@Produces(MediaType.APPLICATION_JSON)
public class SalesforceResource {

    private final CrmCallGuard guard;
    private final SalesforceDialect dialect;
    private final SalesforceService salesforce;
    private final SalesforceQueryService queries;
    private final JsonBodies bodies;

    public SalesforceResource(CrmCallGuard guard, SalesforceDialect dialect, SalesforceService salesforce,
                              SalesforceQueryService queries, JsonBodies bodies) {
        this.guard = guard;
        this.dialect = dialect;
        this.salesforce = salesforce;
        this.queries = queries;
        this.bodies = bodies;
    }

    /** sObject Collections upsert: {@code {"allOrNone":false,"records":[...]}} answered by an array of save results. */
    @PATCH
    @Path("/composite/sobjects/{sObject}/{externalIdField}")
    public Response upsert(@PathParam("account") String account, @PathParam("version") String version,
                           @PathParam("sObject") String sObject, @PathParam("externalIdField") String externalIdField,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        String endpoint = "PATCH /services/data/v" + version + "/composite/sobjects/" + sObject + "/" + externalIdField;
        return guard.handle(dialect, account, authorization, endpoint, () -> {
            JsonNode request = bodies.parseExact(body);
            List<SalesforceSaveResult> results = salesforce.upsert(account, sObject, externalIdField,
                    request.path("allOrNone").asBoolean(false), records(request));
            return Response.ok(results).build();
        });
    }

    /**
     * sObject Collections update: {@code {"allOrNone":false,"records":[{"attributes":{"type":"Opportunity"},
     * "id":"006…","AccountId":"001…"}]}} answered by an array of save results, in order.
     */
    @PATCH
    @Path("/composite/sobjects")
    public Response update(@PathParam("account") String account, @PathParam("version") String version,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        String endpoint = "PATCH /services/data/v" + version + "/composite/sobjects";
        return guard.handle(dialect, account, authorization, endpoint, () -> {
            JsonNode request = bodies.parseExact(body);
            List<SalesforceSaveResult> results = salesforce.update(account, request.path("allOrNone").asBoolean(false),
                    records(request));
            return Response.ok(results).build();
        });
    }

    /** SOQL: {@code {"totalSize":n,"done":true,"records":[{"attributes":{"type","url"}, …selected fields}]}}. */
    @GET
    @Path("/query")
    public Response query(@PathParam("account") String account, @PathParam("version") String version,
                          @QueryParam("q") String soql, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String endpoint = "GET /services/data/v" + version + "/query";
        return guard.handle(dialect, account, authorization, endpoint, () -> {
            SalesforceQueryService.QueryAnswer answer = queries.query(account, soql);
            List<Map<String, Object>> records = answer.rows().stream().map(row -> {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("attributes", attributes(version, answer.sObject(), row.id()));
                record.putAll(row.fields());
                return record;
            }).toList();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("totalSize", records.size());
            result.put("done", true);
            result.put("records", records);
            return Response.ok(result).build();
        });
    }

    private static List<JsonNode> records(JsonNode request) {
        JsonNode records = request.get("records");
        if (records == null || !records.isArray()) {
            throw RequestRejected.validation("JSON_PARSER_ERROR", "records: required field is missing or not an array");
        }
        List<JsonNode> list = new ArrayList<>();
        records.forEach(list::add);
        return list;
    }

    @GET
    @Path("/sobjects/{sObject}/{id}")
    public Response get(@PathParam("account") String account, @PathParam("version") String version,
                        @PathParam("sObject") String sObject, @PathParam("id") String id,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String endpoint = "GET /services/data/v" + version + "/sobjects/" + sObject + "/{id}";
        return guard.handle(dialect, account, authorization, endpoint,
                () -> Response.ok(render(version, salesforce.get(account, sObject, id))).build());
    }

    @GET
    @Path("/sobjects/{sObject}/{externalIdField}/{externalId}")
    public Response getByExternalId(@PathParam("account") String account, @PathParam("version") String version,
                                    @PathParam("sObject") String sObject,
                                    @PathParam("externalIdField") String externalIdField,
                                    @PathParam("externalId") String externalId,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String endpoint = "GET /services/data/v" + version + "/sobjects/" + sObject + "/" + externalIdField + "/{id}";
        return guard.handle(dialect, account, authorization, endpoint, () -> Response.ok(
                render(version, salesforce.getByExternalId(account, sObject, externalIdField, externalId))).build());
    }

    private static Map<String, Object> attributes(String version, String sObject, String id) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", sObject);
        attributes.put("url", "/services/data/v" + version + "/sobjects/" + sObject + "/" + id);
        return attributes;
    }

    /** A record as Salesforce returns it: attributes first, then Id, the fields and the audit dates. */
    private static Map<String, Object> render(String version, SalesforceObject record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("attributes", attributes(version, record.sObject(), record.id()));
        body.put("Id", record.id());
        body.putAll(record.fields());
        body.put("CreatedDate", Timestamps.salesforce(record.createdAt()));
        body.put("LastModifiedDate", Timestamps.salesforce(record.updatedAt()));
        return body;
    }
}
