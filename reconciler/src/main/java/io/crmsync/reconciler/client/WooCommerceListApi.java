package io.crmsync.reconciler.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** WooCommerce REST API v3 list endpoints, relative to the site's base URL; null parameters are left out. */
@Produces(MediaType.APPLICATION_JSON)
public interface WooCommerceListApi {

    /** {@code resource}: {@code orders}, {@code customers} or {@code products}; a bare array. */
    @GET
    @Path("/wp-json/wc/v3/{resource}")
    RestResponse<String> list(@PathParam("resource") String resource,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String basicAuth,
                              @QueryParam("page") int page,
                              @QueryParam("per_page") int perPage,
                              @QueryParam("orderby") String orderby,
                              @QueryParam("order") String order,
                              @QueryParam("modified_after") String modifiedAfter,
                              @QueryParam("dates_are_gmt") Boolean datesAreGmt);
}
