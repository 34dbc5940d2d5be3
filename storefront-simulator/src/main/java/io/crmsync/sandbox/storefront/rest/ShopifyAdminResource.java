package io.crmsync.sandbox.storefront.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import io.crmsync.sandbox.storefront.platform.ShopifyDialect;
import io.crmsync.sandbox.storefront.service.ObjectStore;
import io.crmsync.sandbox.storefront.service.SortOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shopify's REST Admin API read endpoints for orders, customers and products, with its cursor
 * pagination ({@code Link} header, {@code page_info}), leaky-bucket rate limit and error bodies.
 */
@Path("/{storeId}/admin/api/{version: \\d{4}-\\d{2}|unstable}")
public class ShopifyAdminResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 250;
    /** With {@code page_info}, Shopify accepts only these parameters. */
    private static final Set<String> CURSOR_PARAMETERS = Set.of("page_info", "limit", "fields");
    private static final String TOKEN = "X-Shopify-Access-Token";

    private final ShopifyApiGate gate;
    private final ObjectStore objects;
    private final ShopifyDialect dialect;
    private final ObjectMapper mapper;

    public ShopifyAdminResource(ShopifyApiGate gate, ObjectStore objects, ShopifyDialect dialect, ObjectMapper mapper) {
        this.gate = gate;
        this.objects = objects;
        this.dialect = dialect;
        this.mapper = mapper;
    }

    @GET
    @Path("{resource: orders|customers|products}.json")
    public Response list(@PathParam("storeId") String storeId, @PathParam("version") String version,
                         @PathParam("resource") String resource, @HeaderParam(TOKEN) String token,
                         @Context UriInfo uri) {
        String callLimit = gate.admit(storeId, token);
        ObjectType type = ObjectType.fromPlural(resource).orElseThrow();
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        int limit = limit(params.getFirst("limit"), callLimit);
        ShopifyPageInfo cursor = null;
        ShopifyListQuery query;
        try {
            if (params.containsKey("page_info")) {
                for (String name : params.keySet()) {
                    if (!CURSOR_PARAMETERS.contains(name)) {
                        throw JsonResponses.reject(badRequest(name, name + " cannot be passed when page_info is present. "
                                + "See https://shopify.dev/api/usage/pagination-rest for more information.", callLimit));
                    }
                }
                cursor = ShopifyPageInfo.decode(mapper, params.getFirst("page_info"))
                        .orElseThrow(() -> JsonResponses.reject(badRequest("page_info", "Invalid value.", callLimit)));
                query = cursor.query();
            } else {
                query = ShopifyListQuery.from(params, type, dialect.shopZone());
            }
        } catch (ShopifyListQuery.InvalidParameter e) {
            throw JsonResponses.reject(badRequest(e.getMessage(), "Invalid value.", callLimit));
        }

        ShopifyListQuery filter = query;
        List<StoredObject> all = new ArrayList<>(objects.all(storeId, type).stream()
                .filter(o -> filter.matches(o, type)).toList());
        all.sort(query.sort().objects());
        int[] window = window(all, query.sort(), cursor, limit);
        List<StoredObject> page = all.subList(window[0], window[1]);

        ObjectNode body = mapper.createObjectNode();
        ArrayNode items = body.putArray(type.plural());
        Set<String> fields = fields(params.getFirst("fields"));
        page.forEach(o -> items.add(project(o.body(), fields)));

        Response.ResponseBuilder answer = JsonResponses.json(mapper, 200, body)
                .header(ShopifyApiGate.CALL_LIMIT, callLimit)
                .header("X-Shopify-API-Version", version);
        List<String> links = new ArrayList<>();
        if (window[0] > 0 && !page.isEmpty()) {
            links.add(link(uri, storeId, version, resource, limit, params.getFirst("fields"),
                    new ShopifyPageInfo(query, false, query.sort().position(page.get(0))), "previous"));
        }
        if (window[1] < all.size() && !page.isEmpty()) {
            links.add(link(uri, storeId, version, resource, limit, params.getFirst("fields"),
                    new ShopifyPageInfo(query, true, query.sort().position(page.get(page.size() - 1))), "next"));
        }
        if (!links.isEmpty()) {
            answer.header("Link", String.join(", ", links));
        }
        return answer.build();
    }

    @GET
    @Path("{resource: orders|customers|products}/count.json")
    public Response count(@PathParam("storeId") String storeId, @PathParam("version") String version,
                          @PathParam("resource") String resource, @HeaderParam(TOKEN) String token,
                          @Context UriInfo uri) {
        String callLimit = gate.admit(storeId, token);
        ObjectType type = ObjectType.fromPlural(resource).orElseThrow();
        ShopifyListQuery query;
        try {
            query = ShopifyListQuery.from(uri.getQueryParameters(), type, dialect.shopZone());
        } catch (ShopifyListQuery.InvalidParameter e) {
            throw JsonResponses.reject(badRequest(e.getMessage(), "Invalid value.", callLimit));
        }
        long count = objects.all(storeId, type).stream().filter(o -> query.matches(o, type)).count();
        return JsonResponses.json(mapper, 200, Map.of("count", count))
                .header(ShopifyApiGate.CALL_LIMIT, callLimit)
                .header("X-Shopify-API-Version", version)
                .build();
    }

    @GET
    @Path("{resource: orders|customers|products}/{id: \\d+}.json")
    public Response get(@PathParam("storeId") String storeId, @PathParam("version") String version,
                        @PathParam("resource") String resource, @PathParam("id") String id,
                        @HeaderParam(TOKEN) String token, @Context UriInfo uri) {
        String callLimit = gate.admit(storeId, token);
        ObjectType type = ObjectType.fromPlural(resource).orElseThrow();
        Set<String> fields = fields(uri.getQueryParameters().getFirst("fields"));
        return objects.get(storeId, type, id)
                .map(o -> JsonResponses.json(mapper, 200, Map.of(type.singular(), project(o.body(), fields))))
                .orElseGet(() -> gate.error(404, ShopifyApiGate.NOT_FOUND))
                .header(ShopifyApiGate.CALL_LIMIT, callLimit)
                .header("X-Shopify-API-Version", version)
                .build();
    }

    /** Indexes [from, to) of the page: after the cursor's object (next) or the page before it (previous). */
    private static int[] window(List<StoredObject> sorted, SortOrder sort, ShopifyPageInfo cursor, int limit) {
        if (cursor == null) {
            return new int[]{0, Math.min(limit, sorted.size())};
        }
        Comparator<SortOrder.Position> order = sort.positions();
        int boundary = 0;
        while (boundary < sorted.size() && order.compare(sort.position(sorted.get(boundary)), cursor.position()) <= 0) {
            boundary++;
        }
        if (cursor.next()) {
            return new int[]{boundary, Math.min(sorted.size(), boundary + limit)};
        }
        // previous: the cursor names the first object of the later page, which is not part of this one
        int end = boundary;
        if (end > 0 && order.compare(sort.position(sorted.get(end - 1)), cursor.position()) == 0) {
            end--;
        }
        return new int[]{Math.max(0, end - limit), end};
    }

    private int limit(String value, String callLimit) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit < 1) {
                throw JsonResponses.reject(badRequest("limit", "Invalid value.", callLimit));
            }
            return Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw JsonResponses.reject(badRequest("limit", "Invalid value.", callLimit));
        }
    }

    private Response badRequest(String parameter, String message, String callLimit) {
        return JsonResponses.json(mapper, 400, Map.of("errors", Map.of(parameter, message)))
                .header(ShopifyApiGate.CALL_LIMIT, callLimit)
                .build();
    }

    private String link(UriInfo uri, String storeId, String version, String resource, int limit, String fields,
                        ShopifyPageInfo cursor, String rel) {
        var builder = uri.getBaseUriBuilder().path(storeId).path("admin/api").path(version).path(resource + ".json")
                .queryParam("limit", limit);
        if (fields != null) {
            builder.queryParam("fields", fields);
        }
        builder.queryParam("page_info", cursor.encode(mapper));
        return "<" + builder.build() + ">; rel=\"" + rel + "\"";
    }

    private static Set<String> fields(String fields) {
        if (fields == null || fields.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.stream(fields.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private JsonNode project(ObjectNode body, Set<String> fields) {
        if (fields.isEmpty()) {
            return body;
        }
        ObjectNode projected = mapper.createObjectNode();
        body.properties().forEach(e -> {
            if (fields.contains(e.getKey())) {
                projected.set(e.getKey(), e.getValue());
            }
        });
        return projected;
    }
}
