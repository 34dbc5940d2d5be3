package io.crmsync.sourceapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The BigCommerce endpoints fetch-back reads, relative to a store's API base URL
 * ({@code https://api.bigcommerce.com/stores/{hash}}). Bodies come back as text: the status and
 * headers decide what they mean.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface BigCommerceAdminApi {

    String AUTH_TOKEN = "X-Auth-Token";

    @GET
    @Path("/v2/orders/{id}")
    RestResponse<String> order(@PathParam("id") String id, @HeaderParam(AUTH_TOKEN) String token);

    /** {@code products}, {@code shipping_addresses} or {@code coupons}: a bare array, or 204 when empty. */
    @GET
    @Path("/v2/orders/{id}/{part}")
    RestResponse<String> orderPart(@PathParam("id") String id, @PathParam("part") String part,
                                   @HeaderParam(AUTH_TOKEN) String token);

    @GET
    @Path("/v2/orders/{orderId}/shipments/{id}")
    RestResponse<String> shipment(@PathParam("orderId") String orderId, @PathParam("id") String id,
                                  @HeaderParam(AUTH_TOKEN) String token);

    @GET
    @Path("/v3/orders/{orderId}/payment_actions/refunds")
    RestResponse<String> refunds(@PathParam("orderId") String orderId, @HeaderParam(AUTH_TOKEN) String token);

    @GET
    @Path("/v3/customers")
    RestResponse<String> customers(@QueryParam("id:in") String ids, @QueryParam("include") String include,
                                   @HeaderParam(AUTH_TOKEN) String token);

    @GET
    @Path("/v3/catalog/products/{id}")
    RestResponse<String> product(@PathParam("id") String id, @QueryParam("include") String include,
                                 @HeaderParam(AUTH_TOKEN) String token);
}
