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
 * The Shopify Admin REST API list endpoints the reconciler polls, relative to a store's admin API
 * base URL; called through {@link StoreListCalls} (source-api's {@code SourceCalls}). Bodies come
 * back as text: the status and headers decide what they mean, and a 5xx body is not JSON.
 */
@Path("/admin/api/{version}")
public interface ShopifyListApi {

    String ACCESS_TOKEN = "X-Shopify-Access-Token";

    /**
     * {@code resource}: {@code orders}, {@code customers} or {@code products}; the answer wraps the
     * page in that name ({@code {"customers": [...]}}). First page: all filters. Following pages:
     * Shopify accepts only {@code limit} and {@code page_info}, so the other parameters are passed
     * as null and left out. {@code status} is for orders only (their default is {@code open}).
     */
    @GET
    @Path("/{resource}.json")
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<String> list(@PathParam("version") String version,
                              @PathParam("resource") String resource,
                              @HeaderParam(ACCESS_TOKEN) String accessToken,
                              @QueryParam("status") String status,
                              @QueryParam("updated_at_min") String updatedAtMin,
                              @QueryParam("limit") Integer limit,
                              @QueryParam("order") String order,
                              @QueryParam("page_info") String pageInfo);
}
