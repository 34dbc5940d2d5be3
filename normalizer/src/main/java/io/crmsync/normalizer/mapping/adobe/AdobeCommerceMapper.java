package io.crmsync.normalizer.mapping.adobe;

import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Invoice;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Normalized;
import io.crmsync.normalizer.mapping.PlatformMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Adobe Commerce (Magento 2) events delivered by Adobe I/O Events. The payload is the CloudEvents
 * envelope; the event name ({@code type} without {@code com.adobe.commerce.}) picks the mapping by
 * prefix, most specific first, as webhook-ingress keys them:
 * <ul>
 *   <li>{@code observer.sales_order_shipment_*} → Fulfillment;</li>
 *   <li>{@code observer.sales_order_creditmemo_*} → Refund;</li>
 *   <li>{@code observer.sales_order_invoice_*} → Invoice (received with the order's key);</li>
 *   <li>other {@code observer.sales_order_*} → Order;</li>
 *   <li>{@code observer.customer_*} → Customer;</li>
 *   <li>{@code observer.catalog_product_*} → Product.</li>
 * </ul>
 * Refused (dead letter, class {@code mapping}): deletions, events of a sub-entity that shares the
 * prefix (an order's items, addresses or payment, a shipment's tracks, a customer's address,
 * product attributes, imports...), whose payload is not the entity, and every other event.
 */
@ApplicationScoped
public class AdobeCommerceMapper implements PlatformMapper {

    static final String PLATFORM = "adobe-commerce";

    /** What follows an entity prefix when the event concerns a part of the entity, not the entity itself. */
    private static final List<String> SUB_ENTITIES = List.of("item_", "items_", "address_", "payment_",
            "status_history_", "track_", "comment_", "grid_", "attribute_", "option_", "import_", "website_",
            "link_", "gallery_");

    private final List<Route> routes;

    public AdobeCommerceMapper() {
        AdobeAddressMapping addresses = new AdobeAddressMapping();
        AdobeCustomerMapping customers = new AdobeCustomerMapping(addresses, new AdobeConsentMapping());
        AdobeOrderMapping orders = new AdobeOrderMapping(addresses, customers);
        AdobeInvoiceMapping invoices = new AdobeInvoiceMapping();
        AdobeRefundMapping refunds = new AdobeRefundMapping();
        AdobeFulfillmentMapping fulfillments = new AdobeFulfillmentMapping();
        AdobeProductMapping products = new AdobeProductMapping();
        this.routes = List.of(
                new Route("observer.sales_order_shipment_", AdobeFulfillmentMapping.OBJECT_TYPE,
                        (store, event) -> Normalized.fulfillment(fulfillments.map(store, event))),
                new Route("observer.sales_order_creditmemo_", AdobeRefundMapping.OBJECT_TYPE,
                        (store, event) -> Normalized.refund(refunds.map(store, event))),
                // Ingress keys an invoice with its order, so the record arrives as objectType "order".
                new Route("observer.sales_order_invoice_", AdobeOrderMapping.OBJECT_TYPE,
                        (store, event) -> invoice(invoices.map(store, event))),
                new Route("observer.sales_order_", AdobeOrderMapping.OBJECT_TYPE,
                        (store, event) -> Normalized.order(orders.map(store, event))),
                new Route("observer.customer_", AdobeCustomerMapping.OBJECT_TYPE,
                        (store, event) -> Normalized.customer(customers.fromCustomer(store, event))),
                new Route("observer.catalog_product_", AdobeProductMapping.OBJECT_TYPE,
                        (store, event) -> Normalized.product(products.map(store, event))));
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Normalized<?> map(WebhookReceived received) {
        AdobeEvent event = AdobeEvent.of(received);
        Route route = routes.stream().filter(r -> event.name().startsWith(r.prefix())).findFirst()
                .orElseThrow(() -> new MappingException("no adobe-commerce mapping for event " + event.name()));
        String rest = event.name().substring(route.prefix().length());
        if (("_" + rest + "_").contains("_delete_")) {
            throw new MappingException("adobe-commerce event " + event.name() + ": deletions are not synced");
        }
        if (SUB_ENTITIES.stream().anyMatch(rest::startsWith)) {
            throw new MappingException("adobe-commerce event " + event.name() + " concerns a part of the "
                    + route.objectType() + ", not the " + route.objectType() + " itself");
        }
        if (!route.objectType().equals(received.objectType())) {
            throw new MappingException("adobe-commerce event " + event.name() + " carries objectType "
                    + received.objectType() + ", expected " + route.objectType());
        }
        return route.mapping().apply(received.storeId(), event);
    }

    /** The normalizer's {@link Normalized} has no invoice factory yet. */
    private static Normalized<Invoice> invoice(Invoice invoice) {
        return new Normalized<>(EventType.INVOICE_NORMALIZED, invoice, invoice.source());
    }

    /** One row of the event-name table. */
    private record Route(String prefix, String objectType, BiFunction<String, AdobeEvent, Normalized<?>> mapping) {
    }
}
