package io.crmsync.reconciler.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The Shopify Admin REST API list endpoint the reconciler polls, relative to a store's admin API
 * base URL; called through {@link StoreListCalls} (source-api's {@code SourceCalls}). Bodies come
 * back as text: the status and headers decide what they mean, and a 5xx body is not JSON.
 */
@Path("/admin/api/{version}")
public interface ShopifyListApi {

    String ACCESS_TOKEN = "X-Shopify-Access-Token";

    /**
     * First page: all filters. Following pages: Shopify accepts only {@code limit} and
     * {@code page_info}, so the other parameters are passed as null and left out.
     */
    @GET
    @Path("/orders.json")
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<String> orders(@PathParam("version") String version,
                                @HeaderParam(ACCESS_TOKEN) String accessToken,
                                @QueryParam("status") String status,
                                @QueryParam("updated_at_min") String updatedAtMin,
                                @QueryParam("limit") Integer limit,
                                @QueryParam("order") String order,
                                @QueryParam("page_info") String pageInfo);
}
