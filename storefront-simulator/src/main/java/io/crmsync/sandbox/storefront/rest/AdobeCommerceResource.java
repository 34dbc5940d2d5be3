package io.crmsync.sandbox.storefront.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import io.crmsync.sandbox.storefront.platform.AdobeCommerceDialect;
import io.crmsync.sandbox.storefront.service.ObjectStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Adobe Commerce REST (Magento 2 {@code /rest/V1}) read endpoints: the {@code searchCriteria}
 * lists of orders, customers and products ({@code {"items", "search_criteria", "total_count"}}),
 * and single objects, behind {@code Authorization: Bearer <integration token>}.
 */
@Path("/{storeId}/rest/V1")
public class AdobeCommerceResource {

    static final String SALES = "Magento_Sales::sales";
    static final String CUSTOMERS = "Magento_Customer::customer";
    static final String PRODUCTS = "Magento_Catalog::products";

    private final AdobeCommerceApiGate gate;
    private final ObjectStore objects;
    private final ObjectMapper mapper;

    public AdobeCommerceResource(AdobeCommerceApiGate gate, ObjectStore objects, ObjectMapper mapper) {
        this.gate = gate;
        this.objects = objects;
        this.mapper = mapper;
    }

    @GET
    @Path("orders")
    public Response orders(@PathParam("storeId") String storeId, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                           @Context UriInfo uri) {
        gate.admit(storeId, auth, SALES);
        return search(storeId, ObjectType.ORDERS, uri);
    }

    @GET
    @Path("orders/{id: \\d+}")
    public Response order(@PathParam("storeId") String storeId, @PathParam("id") String id,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        gate.admit(storeId, auth, SALES);
        return objects.get(storeId, ObjectType.ORDERS, id).map(o -> JsonResponses.json(mapper, 200, o.body()))
                .orElseGet(() -> gate.error(404, "The entity that was requested doesn't exist. Verify the entity and try again.",
                        Map.of())).build();
    }

    @GET
    @Path("customers/search")
    public Response customers(@PathParam("storeId") String storeId, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                              @Context UriInfo uri) {
        gate.admit(storeId, auth, CUSTOMERS);
        return search(storeId, ObjectType.CUSTOMERS, uri);
    }

    @GET
    @Path("customers/{id: \\d+}")
    public Response customer(@PathParam("storeId") String storeId, @PathParam("id") String id,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        gate.admit(storeId, auth, CUSTOMERS);
        return objects.get(storeId, ObjectType.CUSTOMERS, id).map(o -> JsonResponses.json(mapper, 200, o.body()))
                .orElseGet(() -> gate.error(404, "No such entity with %fieldName = %fieldValue",
                        parameters("fieldName", "customerId", "fieldValue", Long.parseLong(id)))).build();
    }

    @GET
    @Path("products")
    public Response products(@PathParam("storeId") String storeId, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                             @Context UriInfo uri) {
        gate.admit(storeId, auth, PRODUCTS);
        return search(storeId, ObjectType.PRODUCTS, uri);
    }

    /** Commerce reads a single product by its SKU, not its id. */
    @GET
    @Path("products/{sku}")
    public Response product(@PathParam("storeId") String storeId, @PathParam("sku") String sku,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        gate.admit(storeId, auth, PRODUCTS);
        return objects.all(storeId, ObjectType.PRODUCTS).stream()
                .filter(o -> sku.equals(o.body().path("sku").asText(null)))
                .findFirst()
                .map(o -> JsonResponses.json(mapper, 200, o.body()))
                .orElseGet(() -> gate.error(404, "The product that was requested doesn't exist. Verify the product and try again.",
                        Map.of())).build();
    }

    private Response search(String storeId, ObjectType type, UriInfo uri) {
        AdobeSearchCriteria criteria;
        try {
            criteria = AdobeSearchCriteria.parse(uri.getQueryParameters());
        } catch (AdobeSearchCriteria.Invalid e) {
            return gate.error(400, e.getMessage(), Map.of()).build();
        }
        List<StoredObject> matching;
        try {
            matching = new ArrayList<>(objects.all(storeId, type).stream().filter(criteria.matcher(fields(type))).toList());
            matching.sort(criteria.order(fields(type)));
        } catch (AdobeSearchCriteria.Invalid e) {
            return gate.error(400, e.getMessage(), Map.of()).build();
        }
        List<JsonNode> items = criteria.page(matching).stream().map(o -> (JsonNode) o.body()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("search_criteria", criteria.echo());
        body.put("total_count", matching.size());
        return JsonResponses.json(mapper, 200, body).build();
    }

    /** A field of a stored object as text: ids under either name, scalar body fields as written. */
    private static Function<StoredObject, Function<String, Optional<String>>> fields(ObjectType type) {
        String idField = AdobeCommerceDialect.idField(type);
        return o -> field -> {
            if (field.equals(idField) || field.equals("entity_id")) {
                return Optional.of(o.id());
            }
            JsonNode value = o.body().get(field);
            return value == null || value.isNull() || value.isContainerNode() ? Optional.empty() : Optional.of(value.asText());
        };
    }

    private static Map<String, Object> parameters(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(k1, v1);
        parameters.put(k2, v2);
        return parameters;
    }
}
