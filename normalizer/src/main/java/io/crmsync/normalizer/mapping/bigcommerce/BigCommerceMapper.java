package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.JsonFields;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Normalized;
import io.crmsync.normalizer.mapping.PlatformMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * BigCommerce. Its webhooks are thin ({@code {"scope", "data": {"type", "id"}}}): fetch-back
 * replaces the payload with the authoritative object before this mapper runs, and the reconciler
 * publishes polled objects in the same shapes. Dispatch is by {@code objectType}, because one
 * scope can carry different objects ({@code store/order/refund/created} is an {@code order} from
 * a webhook, since the refund changes the order, and a {@code refund} when polled):
 * <ul>
 *   <li>{@code order}: the v2 order with {@code products}, {@code shipping_addresses} and
 *       {@code coupons} inlined;</li>
 *   <li>{@code customer}: one v3 customer with {@code addresses} inlined;</li>
 *   <li>{@code product}: one v3 product with {@code variants};</li>
 *   <li>{@code fulfillment}: one v2 shipment;</li>
 *   <li>{@code refund}: one v3 refund.</li>
 * </ul>
 * Refused (dead letter, class {@code mapping}): {@code .../deleted} scopes (the object is gone, so
 * nothing was fetched), a payload that is still thin, an objectType whose scope belongs to another
 * resource, and any other objectType.
 */
@ApplicationScoped
public class BigCommerceMapper implements PlatformMapper {

    /** The scope prefix each objectType may arrive with. */
    private static final Map<String, String> SCOPE_PREFIXES = Map.of(
            BigCommerceOrderMapping.OBJECT_TYPE, "store/order/",
            BigCommerceCustomerMapping.OBJECT_TYPE, "store/customer/",
            BigCommerceProductMapping.OBJECT_TYPE, "store/product/",
            BigCommerceShipmentMapping.OBJECT_TYPE, "store/shipment/",
            BigCommerceRefundMapping.OBJECT_TYPE, "store/order/refund/");

    private final BigCommerceOrderMapping orders;
    private final BigCommerceCustomerMapping customers;
    private final BigCommerceProductMapping products = new BigCommerceProductMapping();
    private final BigCommerceShipmentMapping shipments = new BigCommerceShipmentMapping();
    private final BigCommerceRefundMapping refunds = new BigCommerceRefundMapping();

    public BigCommerceMapper() {
        BigCommerceAddressMapping addresses = new BigCommerceAddressMapping();
        this.customers = new BigCommerceCustomerMapping(addresses);
        this.orders = new BigCommerceOrderMapping(addresses, customers);
    }

    @Override
    public String platform() {
        return BigCommerceCustomerMapping.PLATFORM;
    }

    @Override
    public Normalized<?> map(WebhookReceived event) {
        String scope = event.topic();
        if (scope != null && scope.endsWith("/deleted")) {
            throw new MappingException("bigcommerce " + scope + ": deletions are not synced");
        }
        JsonNode payload = event.payload();
        if (payload == null || !payload.isObject()) {
            throw new MappingException("bigcommerce payload of " + scope + " is not a JSON object");
        }
        if (isThinWebhook(payload)) {
            throw new MappingException("bigcommerce payload is a thin webhook; fetch-back did not run");
        }
        String objectType = event.objectType();
        String prefix = objectType == null ? null : SCOPE_PREFIXES.get(objectType);
        if (prefix == null) {
            throw new MappingException("no bigcommerce mapping for objectType " + objectType);
        }
        if (scope == null || !scope.startsWith(prefix)) {
            throw new MappingException("bigcommerce scope " + scope + " carries objectType " + objectType
                    + ", expected a scope under " + prefix);
        }
        String storeId = event.storeId();
        return switch (objectType) {
            case BigCommerceOrderMapping.OBJECT_TYPE -> Normalized.order(orders.map(storeId, payload));
            case BigCommerceCustomerMapping.OBJECT_TYPE -> Normalized.customer(customers.fromCustomer(storeId, payload));
            case BigCommerceProductMapping.OBJECT_TYPE -> Normalized.product(products.map(storeId, payload));
            case BigCommerceShipmentMapping.OBJECT_TYPE -> Normalized.fulfillment(shipments.map(storeId, payload));
            default -> Normalized.refund(refunds.map(storeId, payload));
        };
    }

    /** The webhook as BigCommerce sent it: a {@code scope} and a {@code data} object with a {@code type}. */
    private static boolean isThinWebhook(JsonNode payload) {
        return JsonFields.present(payload, "scope") && JsonFields.present(JsonFields.object(payload, "data"), "type");
    }
}
