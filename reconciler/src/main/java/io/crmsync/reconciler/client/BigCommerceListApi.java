package io.crmsync.reconciler.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** The BigCommerce list endpoints the reconciler polls, relative to a store's API base URL. */
@Produces(MediaType.APPLICATION_JSON)
public interface BigCommerceListApi {

    String AUTH_TOKEN = "X-Auth-Token";

    /** v2: a bare array, or 204 when the page is empty; {@code min_date_modified} is inclusive. */
    @GET
    @Path("/v2/orders")
    RestResponse<String> orders(@HeaderParam(AUTH_TOKEN) String token,
                                @QueryParam("min_date_modified") String minDateModified,
                                @QueryParam("sort") String sort,
                                @QueryParam("page") int page,
                                @QueryParam("limit") int limit);

    /** v3 envelope {@code {data, meta.pagination}}; {@code date_modified:min} is inclusive. */
    @GET
    @Path("/v3/customers")
    RestResponse<String> customers(@HeaderParam(AUTH_TOKEN) String token,
                                   @QueryParam("date_modified:min") String dateModifiedMin,
                                   @QueryParam("sort") String sort,
                                   @QueryParam("include") String include,
                                   @QueryParam("page") int page,
                                   @QueryParam("limit") int limit);

    @GET
    @Path("/v3/catalog/products")
    RestResponse<String> products(@HeaderParam(AUTH_TOKEN) String token,
                                  @QueryParam("date_modified:min") String dateModifiedMin,
                                  @QueryParam("sort") String sort,
                                  @QueryParam("direction") String direction,
                                  @QueryParam("include") String include,
                                  @QueryParam("page") int page,
                                  @QueryParam("limit") int limit);
}
