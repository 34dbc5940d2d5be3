package io.crmsync.sandbox.storefront.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.sandbox.storefront.DeliveryOutcome;
import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.service.GeneratorService;
import io.crmsync.sandbox.storefront.service.ObjectStore;
import io.crmsync.sandbox.storefront.service.SeedService;
import io.crmsync.sandbox.storefront.service.StoreDirectory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Seeding the simulated stores (contract, DESIGN.md "Storefront simulator"): store an object in
 * the platform's own JSON and deliver its webhook; generate realistic orders in bulk.
 */
@Path("/_sim/stores/{storeId}")
@Produces(MediaType.APPLICATION_JSON)
public class SimStoresResource {

    private final SeedService seeder;
    private final GeneratorService generator;
    private final ObjectStore objects;
    private final StoreDirectory stores;

    public SimStoresResource(SeedService seeder, GeneratorService generator, ObjectStore objects, StoreDirectory stores) {
        this.seeder = seeder;
        this.generator = generator;
        this.objects = objects;
        this.stores = stores;
    }

    /** What a seeding call answers: the object as stored and what became of its webhook. */
    public record SeedAnswer(String storeId, String platform, String objectType, String id, boolean created,
                             JsonNode object, DeliveryOutcome delivery) {
    }

    /** Generation request: {@code createdBefore} (ISO 8601) makes history, e.g. orders from before a tenant's go-live. */
    public record GenerateRequest(Integer orders, Long seed, @JsonProperty("notify") Boolean sendWebhooks,
                                  String createdBefore) {
    }

    @PUT
    @Path("{objectType}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("storeId") String storeId, @PathParam("objectType") String objectType,
                        @PathParam("id") String id, @QueryParam("notify") @DefaultValue("true") boolean notify,
                        JsonNode body) {
        ObjectType type = type(objectType);
        SeedService.Seeded seeded = seeder.seed(storeId, type, id, body, notify);
        SeedAnswer answer = new SeedAnswer(storeId, seeded.store().platform().wire(), type.plural(), id,
                seeded.created(), seeded.object().body(), seeded.delivery());
        return Response.status(seeded.created() ? 201 : 200).entity(answer).build();
    }

    /** The object exactly as the store holds it (no auth, no rate limit: an inspection aid). */
    @GET
    @Path("{objectType}/{id}")
    public JsonNode get(@PathParam("storeId") String storeId, @PathParam("objectType") String objectType,
                        @PathParam("id") String id) {
        stores.require(storeId);
        return objects.get(storeId, type(objectType), id)
                .map(o -> (JsonNode) o.body())
                .orElseThrow(() -> new NotFoundException(objectType + " " + id + " is not in " + storeId));
    }

    /** Forgets every object of the store (between tests and demo runs). */
    @DELETE
    public Map<String, Integer> clear(@PathParam("storeId") String storeId) {
        stores.require(storeId);
        return Map.of("removed", objects.clear(storeId));
    }

    @POST
    @Path("generate")
    @Consumes(MediaType.APPLICATION_JSON)
    public GeneratorService.Generated generate(@PathParam("storeId") String storeId, GenerateRequest request) {
        if (request == null || request.orders() == null || request.seed() == null) {
            throw new InvalidRequestException("orders and seed are required");
        }
        Instant createdBefore;
        try {
            createdBefore = request.createdBefore() == null ? null : Instant.parse(request.createdBefore());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("createdBefore must be an ISO 8601 instant, e.g. 2025-12-01T00:00:00Z");
        }
        return generator.generate(storeId, request.orders(), request.seed(),
                request.sendWebhooks() == null || request.sendWebhooks(), createdBefore);
    }

    private static ObjectType type(String objectType) {
        return ObjectType.fromPlural(objectType).orElseThrow(() ->
                new InvalidRequestException("objectType must be orders, customers or products, not " + objectType));
    }

}
