package io.crmsync.sandbox.storefront.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import io.crmsync.sandbox.storefront.platform.TimeFormats;
import io.crmsync.sandbox.storefront.platform.WooCommerceDialect;
import io.crmsync.sandbox.storefront.service.ObjectStore;
import io.crmsync.sandbox.storefront.service.Page;
import io.crmsync.sandbox.storefront.service.SortOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * WooCommerce REST API v3 read endpoints for orders, customers and products: offset pagination
 * with {@code X-WP-Total} / {@code X-WP-TotalPages} and a {@code Link} header, WordPress's error shape.
 */
@Path("/{storeId}/wp-json/wc/v3")
public class WooCommerceResource {

    private static final Set<String> ORDERBY_POSTS = Set.of("date", "id", "include", "title", "slug", "modified");
    private static final Set<String> ORDERBY_CUSTOMERS = Set.of("id", "include", "name", "registered_date");

    private final WooCommerceApiGate gate;
    private final ObjectStore objects;
    private final WooCommerceDialect dialect;
    private final ObjectMapper mapper;

    public WooCommerceResource(WooCommerceApiGate gate, ObjectStore objects, WooCommerceDialect dialect, ObjectMapper mapper) {
        this.gate = gate;
        this.objects = objects;
        this.dialect = dialect;
        this.mapper = mapper;
    }

    @GET
    @Path("{resource: orders|customers|products}")
    public Response list(@PathParam("storeId") String storeId, @PathParam("resource") String resource,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @QueryParam("consumer_key") String queryKey, @QueryParam("consumer_secret") String querySecret,
                         @Context UriInfo uri) {
        gate.admit(storeId, authorization, queryKey, querySecret, true);
        ObjectType type = ObjectType.fromPlural(resource).orElseThrow();
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        int page = positive(params.getFirst("page"), 1, Integer.MAX_VALUE, "page");
        int perPage = positive(params.getFirst("per_page"), 10, 100, "per_page");

        List<StoredObject> matching = new ArrayList<>(objects.all(storeId, type).stream().filter(filter(type, params)).toList());
        matching.sort(order(type, params));
        Page<StoredObject> result = Page.of(matching, page, perPage);

        ArrayNode body = mapper.createArrayNode();
        result.items().forEach(o -> body.add(o.body()));
        Response.ResponseBuilder answer = JsonResponses.json(mapper, 200, body)
                .header("X-WP-Total", result.totalItems())
                .header("X-WP-TotalPages", result.totalPages());
        List<String> links = new ArrayList<>();
        if (result.hasPrevious() && page <= result.totalPages()) {
            links.add("<" + pageUri(uri, page - 1) + ">; rel=\"prev\"");
        }
        if (result.hasNext()) {
            links.add("<" + pageUri(uri, page + 1) + ">; rel=\"next\"");
        }
        if (!links.isEmpty()) {
            answer.header("Link", String.join(", ", links));
        }
        return answer.build();
    }

    @GET
    @Path("{resource: orders|customers|products}/{id: \\d+}")
    public Response get(@PathParam("storeId") String storeId, @PathParam("resource") String resource,
                        @PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                        @QueryParam("consumer_key") String queryKey, @QueryParam("consumer_secret") String querySecret) {
        gate.admit(storeId, authorization, queryKey, querySecret, false);
        ObjectType type = ObjectType.fromPlural(resource).orElseThrow();
        return objects.get(storeId, type, id)
                .map(o -> JsonResponses.json(mapper, 200, o.body()))
                .orElseGet(() -> switch (type) {
                    case ORDERS -> gate.error(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
                    case PRODUCTS -> gate.error(404, "woocommerce_rest_product_invalid_id", "Invalid ID.");
                    case CUSTOMERS -> gate.error(404, "woocommerce_rest_invalid_id", "Invalid resource ID.");
                })
                .build();
    }

    /**
     * Orders and products filter by {@code modified_after/before} and {@code after/before} (creation),
     * exclusive bounds, in site time unless {@code dates_are_gmt=true} or the value has an offset;
     * customers only by {@code include} and {@code email} (WooCommerce offers no date filter for them).
     */
    private Predicate<StoredObject> filter(ObjectType type, MultivaluedMap<String, String> params) {
        Predicate<StoredObject> filter = o -> true;
        List<String> include = list(params.getFirst("include"));
        if (!include.isEmpty()) {
            filter = filter.and(o -> include.contains(o.id()));
        }
        if (type == ObjectType.CUSTOMERS) {
            String email = params.getFirst("email");
            return email == null ? filter : filter.and(o -> o.body().path("email").asText().equalsIgnoreCase(email.trim()));
        }
        ZoneId zone = "true".equals(params.getFirst("dates_are_gmt")) ? ZoneOffset.UTC : dialect.siteZone();
        Instant modifiedAfter = time(params, "modified_after", zone);
        Instant modifiedBefore = time(params, "modified_before", zone);
        Instant after = time(params, "after", zone);
        Instant before = time(params, "before", zone);
        filter = filter.and(o -> (modifiedAfter == null || o.updatedAt().isAfter(modifiedAfter))
                && (modifiedBefore == null || o.updatedAt().isBefore(modifiedBefore))
                && (after == null || o.createdAt().isAfter(after))
                && (before == null || o.createdAt().isBefore(before)));
        List<String> statuses = list(params.getFirst("status"));
        if (!statuses.isEmpty() && !statuses.contains("any")) {
            filter = filter.and(o -> statuses.contains(o.body().path("status").asText()));
        }
        return filter;
    }

    private Comparator<StoredObject> order(ObjectType type, MultivaluedMap<String, String> params) {
        boolean customers = type == ObjectType.CUSTOMERS;
        String orderby = params.getFirst("orderby") == null ? (customers ? "name" : "date") : params.getFirst("orderby");
        if (!(customers ? ORDERBY_CUSTOMERS : ORDERBY_POSTS).contains(orderby)) {
            throw JsonResponses.reject(gate.invalidParameter("orderby", "orderby is not one of "
                    + String.join(", ", customers ? ORDERBY_CUSTOMERS : ORDERBY_POSTS) + ".").build());
        }
        String direction = params.getFirst("order") == null ? (customers ? "asc" : "desc")
                : params.getFirst("order").toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw JsonResponses.reject(gate.invalidParameter("order", "order is not one of asc, desc.").build());
        }
        boolean ascending = direction.equals("asc");
        Comparator<StoredObject> byId = new SortOrder(SortOrder.Field.ID, ascending).objects();
        Comparator<StoredObject> primary = switch (orderby) {
            case "date", "registered_date" -> new SortOrder(SortOrder.Field.CREATED, ascending).objects();
            case "modified" -> new SortOrder(SortOrder.Field.UPDATED, ascending).objects();
            case "title" -> text("name", ascending).thenComparing(byId);
            case "slug" -> text("slug", ascending).thenComparing(byId);
            case "name" -> text("first_name", ascending).thenComparing(text("last_name", ascending)).thenComparing(byId);
            case "include" -> includeOrder(list(params.getFirst("include"))).thenComparing(byId);
            default -> byId;
        };
        return primary;
    }

    private static Comparator<StoredObject> text(String field, boolean ascending) {
        Comparator<StoredObject> natural = Comparator.comparing(o -> o.body().path(field).asText().toLowerCase(Locale.ROOT));
        return ascending ? natural : natural.reversed();
    }

    private static Comparator<StoredObject> includeOrder(List<String> include) {
        return Comparator.comparingInt(o -> include.indexOf(o.id()));
    }

    private int positive(String value, int fallback, int max, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        String reason = max == Integer.MAX_VALUE ? name + " must be greater than or equal to 1"
                : name + " must be between 1 (inclusive) and " + max + " (inclusive)";
        throw JsonResponses.reject(gate.invalidParameter(name, reason).build());
    }

    private Instant time(MultivaluedMap<String, String> params, String name, ZoneId zone) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return TimeFormats.parse(value, zone).orElseThrow(() -> JsonResponses.reject(
                gate.invalidParameter(name, "Invalid date.").build()));
    }

    private static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String pageUri(UriInfo uri, int page) {
        UriBuilder builder = uri.getRequestUriBuilder().replaceQueryParam("page", page);
        // credentials passed as query parameters must not leak into links
        return builder.replaceQueryParam("consumer_key").replaceQueryParam("consumer_secret").build().toString();
    }

}
