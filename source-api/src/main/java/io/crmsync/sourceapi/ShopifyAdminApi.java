package io.crmsync.sourceapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** Shopify Admin REST API single-resource reads, relative to a store's admin API base URL. */
@Produces(MediaType.APPLICATION_JSON)
public interface ShopifyAdminApi {

    String ACCESS_TOKEN = "X-Shopify-Access-Token";
    String CALL_LIMIT = "X-Shopify-Shop-Api-Call-Limit";

    /** {@code resource}: {@code orders}, {@code customers} or {@code products}; answers {@code {"order": {...}}} etc. */
    @GET
    @Path("/admin/api/{version}/{resource}/{id}.json")
    RestResponse<String> get(@PathParam("version") String version, @PathParam("resource") String resource,
                             @PathParam("id") String id, @HeaderParam(ACCESS_TOKEN) String accessToken);
}
