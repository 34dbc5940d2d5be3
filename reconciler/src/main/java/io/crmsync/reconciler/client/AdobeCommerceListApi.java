package io.crmsync.reconciler.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Map;

/**
 * The Adobe Commerce REST search endpoints the reconciler lists, relative to a store's base URL
 * ({@code orders}, {@code customers/search}, {@code products}). The {@code searchCriteria[...]}
 * parameters come as a map; bodies come back as text, the status decides what they mean. Called
 * through {@link StoreListCalls} (source-api's {@code SourceCalls}).
 */
@Path("/rest/V1")
public interface AdobeCommerceListApi {

    @GET
    @Path("/orders")
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<String> orders(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                @RestQuery Map<String, String> searchCriteria);

    @GET
    @Path("/customers/search")
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<String> customers(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                   @RestQuery Map<String, String> searchCriteria);

    @GET
    @Path("/products")
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<String> products(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                  @RestQuery Map<String, String> searchCriteria);

    /** The search endpoint of {@code resource} ({@code orders}, {@code customers/search}, {@code products}). */
    default RestResponse<String> search(String resource, String bearer, Map<String, String> searchCriteria) {
        return switch (resource) {
            case "orders" -> orders(bearer, searchCriteria);
            case "customers/search" -> customers(bearer, searchCriteria);
            case "products" -> products(bearer, searchCriteria);
            default -> throw new IllegalArgumentException("no Adobe Commerce search endpoint " + resource);
        };
    }
}
