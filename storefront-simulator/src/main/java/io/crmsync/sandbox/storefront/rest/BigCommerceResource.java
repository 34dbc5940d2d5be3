package io.crmsync.sandbox.storefront.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import io.crmsync.sandbox.storefront.platform.BigCommerceDialect;
import io.crmsync.sandbox.storefront.platform.TimeFormats;
import io.crmsync.sandbox.storefront.service.ObjectStore;
import io.crmsync.sandbox.storefront.service.Page;
import io.crmsync.sandbox.storefront.service.SortOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * BigCommerce read endpoints: v2 orders (a bare JSON array, 204 when empty, line items,
 * addresses, coupons and shipments as sub-resources), v3 refunds of an order, v3 customers and catalog products ({@code {"data", "meta"}} envelope
 * with page-based pagination), all behind {@code X-Auth-Token} and the store's request quota.
 */
@Path("/{storeId}")
public class BigCommerceResource {

    private static final String TOKEN = "X-Auth-Token";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 250;

    private final BigCommerceApiGate gate;
    private final ObjectStore objects;
    private final ObjectMapper mapper;

    public BigCommerceResource(BigCommerceApiGate gate, ObjectStore objects, ObjectMapper mapper) {
        this.gate = gate;
        this.objects = objects;
        this.mapper = mapper;
    }

    @GET
    @Path("v2/orders")
    public Response orders(@PathParam("storeId") String storeId, @HeaderParam(TOKEN) String token, @Context UriInfo uri) {
        BigCommerceApiGate.Admission admission = gate.admit(storeId, token, true);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        List<StoredObject> matching = v2Orders(storeId, params);
        Page<StoredObject> page = Page.of(matching, number(params.getFirst("page"), 1, Integer.MAX_VALUE, true, "page"),
                number(params.getFirst("limit"), DEFAULT_LIMIT, MAX_LIMIT, true, "limit"));
        if (page.items().isEmpty()) {
            return admission.decorate(Response.noContent()).build();
        }
        ArrayNode body = mapper.createArrayNode();
        page.items().forEach(o -> body.add(v2Order(uri, storeId, o)));
        return admission.decorate(JsonResponses.json(mapper, 200, body)).build();
    }

    @GET
    @Path("v2/orders/count")
    public Response orderCount(@PathParam("storeId") String storeId, @HeaderParam(TOKEN) String token, @Context UriInfo uri) {
        BigCommerceApiGate.Admission admission = gate.admit(storeId, token, true);
        List<StoredObject> matching = v2Orders(storeId, uri.getQueryParameters());
        Map<Integer, long[]> byStatus = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        for (StoredObject o : matching) {
            int statusId = o.body().path("status_id").asInt();
            byStatus.computeIfAbsent(statusId, id -> new long[1])[0]++;
            names.putIfAbsent(statusId, o.body().path("status").asText());
        }
        List<Map<String, Object>> statuses = new ArrayList<>();
        byStatus.forEach((id, count) -> {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("id", id);
            status.put("name", names.get(id));
            status.put("count", count[0]);
            statuses.add(status);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statuses", statuses);
        body.put("count", matching.size());
        return admission.decorate(JsonResponses.json(mapper, 200, body)).build();
    }

    @GET
    @Path("v2/orders/{id: \\d+}")
    public Response order(@PathParam("storeId") String storeId, @PathParam("id") String id,
                          @HeaderParam(TOKEN) String token, @Context UriInfo uri) {
        BigCommerceApiGate.Admission admission = gate.admit(storeId, token, true);
        return admission.decorate(objects.get(storeId, ObjectType.ORDERS, id)
                .map(o -> JsonResponses.json(mapper, 200, v2Order(uri, storeId, o)))
                .orElseGet(() -> gate.error(true, 404, "The requested resource was not found."))).build();
    }

    @GET
    @Path("v2/orders/{id: \\d+}/{part: products|shipping_addresses|coupons|shipments}")
    public Response orderPart(@PathParam("storeId") String storeId, @PathParam("id") String id,
                              @PathParam("part") String part, @HeaderParam(TOKEN) String token) {
        BigCommerceApiGate.Admission admission = gate.admit(storeId, token, true);
        return admission.decorate(objects.get(storeId, ObjectType.ORDERS, id)
                .map(o -> {
                    ArrayNode items = o.subResources().get(part);
                    return items == null || items.isEmpty() ? Response.noContent() : JsonResponses.json(mapper, 200, items);
                })
                .orElseGet(() -> gate.error(true, 404, "The requested resource was not found."))).build();
    }

    @GET
    @Path("v2/orders/{id: \\d+}/shipments/{shipmentId: \\d+}")
    public Response shipment(@PathParam("storeId") String storeId, @PathParam("id") String id,
                             @PathParam("shipmentId") String shipmentId, @HeaderParam(TOKEN) String token) {
        BigCommerceApiGate.Admission admission = gate.admit(storeId, token, true);
        return admission.decorate(objects.get(storeId, ObjectType.ORDERS, id)
                .flatMap(o -> child(o, BigCommerceDialect.SHIPMENTS, shipmentId))
                .map(shipment -> JsonResponses.json(mapper, 200, shipment))
                .orElseGet(() -> gate.error(true, 404, "The requested resource was not found."))).build();
    }

    /** v3 refunds of an order, in the v3 envelope; an order without refunds answers an empty {@code data}. */
    @GET
    @Path("v3/orders/{id: \\d+}/payment_actions/refunds")
    public Response refunds(@PathParam("storeId") String storeId, @PathParam("id") String id, @HeaderParam(TOKEN) String token) {
        BigCommerceApiGate.Admission admission = gate.admit(storeId, token, false);
        return admission.decorate(objects.get(storeId, ObjectType.ORDERS, id)
                .map(o -> {
                    ArrayNode refunds = o.subResources().get(BigCommerceDialect.REFUNDS);
                    return JsonResponses.json(mapper, 200, envelope(refunds == null ? mapper.createArrayNode() : refunds, Map.of()));
                })
                .orElseGet(() -> gate.error(false, 404, "The requested resource was not found."))).build();
    }

    private static Optional<JsonNode> child(StoredObject order, String part, String childId) {
        ArrayNode children = order.subResources().get(part);
        if (children == null) {
            return Optional.empty();
        }
        for (JsonNode child : children) {
            if (child.path("id").asText().equals(childId)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    @GET
    @Path("v3/customers")
    public Response customers(@PathParam("storeId") String storeId, @HeaderParam(TOKEN) String token, @Context UriInfo uri) {
        BigCommerceApiGate.Admission admission = gate.admit(storeId, token, false);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        Predicate<StoredObject> filter = v3Filter(params)
                .and(inList(params.getFirst("email:in"), o -> o.body().path("email").asText().toLowerCase(Locale.ROOT), true));
        Comparator<StoredObject> order = v3Sort(params.getFirst("sort"), null);
        // addresses come only when asked for, as BigCommerce's include=addresses
        boolean addresses = list(params.getFirst("include")).contains("addresses");
        return admission.decorate(v3List(storeId, ObjectType.CUSTOMERS, params, filter, order,
                body -> addresses ? body : body.deepCopy().without("addresses"))).build();
    }

    @GET
    @Path("v3/catalog/products")
    public Response products(@PathParam("storeId") String storeId, @HeaderParam(TOKEN) String token, @Context UriInfo uri) {
        BigCommerceApiGate.Admission admission = gate.admit(storeId, token, false);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        Comparator<StoredObject> order = v3Sort(params.getFirst("sort"), params.getFirst("direction"));
        return admission.decorate(v3List(storeId, ObjectType.PRODUCTS, params, v3Filter(params), order,
                body -> productView(body, params.getFirst("include")))).build();
    }

    @GET
    @Path("v3/catalog/products/{id: \\d+}")
    public Response product(@PathParam("storeId") String storeId, @PathParam("id") String id,
                            @HeaderParam(TOKEN) String token, @QueryParam("include") String include) {
        BigCommerceApiGate.Admission admission = gate.admit(storeId, token, false);
        return admission.decorate(objects.get(storeId, ObjectType.PRODUCTS, id)
                .map(o -> JsonResponses.json(mapper, 200, envelope(productView(o.body(), include), Map.of())))
                .orElseGet(() -> gate.error(false, 404, "The requested resource was not found."))).build();
    }

    /** Variants come only when asked for, as BigCommerce's {@code include=variants}. */
    private static ObjectNode productView(ObjectNode body, String include) {
        return list(include).contains("variants") ? body : body.deepCopy().without("variants");
    }

    /** v2 order filters (inclusive bounds, RFC 2822 or ISO 8601 dates) and {@code sort=field:direction}. */
    private List<StoredObject> v2Orders(String storeId, MultivaluedMap<String, String> params) {
        Instant modifiedMin = time(params, "min_date_modified", true);
        Instant modifiedMax = time(params, "max_date_modified", true);
        Instant createdMin = time(params, "min_date_created", true);
        Instant createdMax = time(params, "max_date_created", true);
        Long minId = id(params.getFirst("min_id"), "min_id");
        Long maxId = id(params.getFirst("max_id"), "max_id");
        String customerId = params.getFirst("customer_id");
        String statusId = params.getFirst("status_id");
        String email = params.getFirst("email");
        List<StoredObject> matching = new ArrayList<>(objects.all(storeId, ObjectType.ORDERS).stream()
                .filter(o -> between(o.updatedAt(), modifiedMin, modifiedMax) && between(o.createdAt(), createdMin, createdMax))
                .filter(o -> (minId == null || Long.parseLong(o.id()) >= minId) && (maxId == null || Long.parseLong(o.id()) <= maxId))
                .filter(o -> customerId == null || o.body().path("customer_id").asText().equals(customerId))
                .filter(o -> statusId == null || o.body().path("status_id").asText().equals(statusId))
                .filter(o -> email == null || o.body().path("billing_address").path("email").asText().equalsIgnoreCase(email))
                .toList());
        String sort = params.getFirst("sort") == null ? "id:asc" : params.getFirst("sort");
        String[] parts = sort.split(":");
        boolean ascending = parts.length < 2 || !parts[1].equalsIgnoreCase("desc");
        SortOrder.Field field = switch (parts[0]) {
            case "date_modified" -> SortOrder.Field.UPDATED;
            case "date_created" -> SortOrder.Field.CREATED;
            case "id" -> SortOrder.Field.ID;
            default -> throw JsonResponses.reject(gate.error(true, 400, "The field 'sort' is invalid.").build());
        };
        matching.sort(new SortOrder(field, ascending).objects());
        return matching;
    }

    /** The v2 order as BigCommerce serves it: sub-resources as {@code {url, resource}} references. */
    private ObjectNode v2Order(UriInfo uri, String storeId, StoredObject order) {
        ObjectNode body = order.body().deepCopy();
        for (String part : BigCommerceDialect.ORDER_SUB_RESOURCES) {
            String resource = "/orders/" + order.id() + "/" + part;
            ObjectNode reference = body.putObject(part);
            reference.put("url", uri.getBaseUriBuilder().path(storeId).path("v2").build() + resource);
            reference.put("resource", resource);
        }
        return body;
    }

    private Response.ResponseBuilder v3List(String storeId, ObjectType type, MultivaluedMap<String, String> params,
                                            Predicate<StoredObject> filter, Comparator<StoredObject> order,
                                            UnaryOperator<ObjectNode> view) {
        int pageNumber = number(params.getFirst("page"), 1, Integer.MAX_VALUE, false, "page");
        int limit = number(params.getFirst("limit"), DEFAULT_LIMIT, MAX_LIMIT, false, "limit");
        List<StoredObject> matching = new ArrayList<>(objects.all(storeId, type).stream().filter(filter).toList());
        matching.sort(order);
        Page<StoredObject> page = Page.of(matching, pageNumber, limit);
        ArrayNode data = mapper.createArrayNode();
        page.items().forEach(o -> data.add(view.apply(o.body())));
        Map<String, Object> links = new LinkedHashMap<>();
        if (page.hasPrevious()) {
            links.put("previous", "?page=" + (pageNumber - 1) + "&limit=" + limit);
        }
        links.put("current", "?page=" + pageNumber + "&limit=" + limit);
        if (page.hasNext()) {
            links.put("next", "?page=" + (pageNumber + 1) + "&limit=" + limit);
        }
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("total", page.totalItems());
        pagination.put("count", page.items().size());
        pagination.put("per_page", limit);
        pagination.put("current_page", pageNumber);
        pagination.put("total_pages", page.totalPages());
        pagination.put("links", links);
        return JsonResponses.json(mapper, 200, envelope(data, Map.of("pagination", pagination)));
    }

    private Map<String, Object> envelope(Object data, Map<String, Object> meta) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("meta", meta);
        return body;
    }

    /** v3 filters: {@code id:in}, {@code date_modified:min|max}, {@code date_created:min|max} (inclusive). */
    private Predicate<StoredObject> v3Filter(MultivaluedMap<String, String> params) {
        Instant modifiedMin = time(params, "date_modified:min", false);
        Instant modifiedMax = time(params, "date_modified:max", false);
        Instant createdMin = time(params, "date_created:min", false);
        Instant createdMax = time(params, "date_created:max", false);
        return inList(params.getFirst("id:in"), StoredObject::id, false)
                .and(o -> between(o.updatedAt(), modifiedMin, modifiedMax) && between(o.createdAt(), createdMin, createdMax));
    }

    /** {@code sort=date_modified:asc} (customers) or {@code sort=date_modified&direction=asc} (products). */
    private Comparator<StoredObject> v3Sort(String sort, String direction) {
        if (sort == null) {
            return new SortOrder(SortOrder.Field.ID, true).objects();
        }
        String[] parts = sort.split(":");
        String dir = parts.length > 1 ? parts[1] : direction;
        boolean ascending = dir == null || !dir.equalsIgnoreCase("desc");
        return switch (parts[0]) {
            case "date_modified" -> new SortOrder(SortOrder.Field.UPDATED, ascending).objects();
            case "date_created" -> new SortOrder(SortOrder.Field.CREATED, ascending).objects();
            case "id" -> new SortOrder(SortOrder.Field.ID, ascending).objects();
            case "last_name", "name" -> {
                Comparator<StoredObject> byText = Comparator.comparing(o -> o.body().path(parts[0]).asText().toLowerCase(Locale.ROOT));
                yield (ascending ? byText : byText.reversed()).thenComparing(new SortOrder(SortOrder.Field.ID, ascending).objects());
            }
            default -> throw JsonResponses.reject(gate.error(false, 422, "The field 'sort' is invalid.").build());
        };
    }

    private static Predicate<StoredObject> inList(String csv, java.util.function.Function<StoredObject, String> value,
                                                  boolean caseInsensitive) {
        if (csv == null || csv.isBlank()) {
            return o -> true;
        }
        List<String> wanted = Arrays.stream(csv.split(","))
                .map(s -> caseInsensitive ? s.trim().toLowerCase(Locale.ROOT) : s.trim()).toList();
        return o -> wanted.contains(value.apply(o));
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }

    private static boolean between(Instant t, Instant min, Instant max) {
        return (min == null || !t.isBefore(min)) && (max == null || !t.isAfter(max));
    }

    private Instant time(MultivaluedMap<String, String> params, String name, boolean v2) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return TimeFormats.parse(value, ZoneOffset.UTC).orElseThrow(() -> JsonResponses.reject(
                gate.error(v2, v2 ? 400 : 422, "The field '" + name + "' is invalid.").build()));
    }

    private Long id(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!StoredObject.isDigits(value.trim())) {
            throw JsonResponses.reject(gate.error(true, 400, "The field '" + name + "' is invalid.").build());
        }
        return Long.parseLong(value.trim());
    }

    private int number(String value, int fallback, int max, boolean v2, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return Math.min(n, max);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw JsonResponses.reject(gate.error(v2, v2 ? 400 : 422, "The field '" + name + "' is invalid.").build());
    }
}
