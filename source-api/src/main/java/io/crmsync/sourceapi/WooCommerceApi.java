package io.crmsync.sourceapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** WooCommerce REST API v3 single-resource reads, relative to the site's base URL. */
@Produces(MediaType.APPLICATION_JSON)
public interface WooCommerceApi {

    /** {@code resource}: {@code orders}, {@code customers} or {@code products}; answers the bare resource. */
    @GET
    @Path("/wp-json/wc/v3/{resource}/{id}")
    RestResponse<String> get(@PathParam("resource") String resource, @PathParam("id") String id,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String basicAuth);
}
