package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Invoice;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.OrderTotals;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Money;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.integer;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * The invoice model of {@code observer.sales_order_invoice_*} events as a canonical
 * {@link Invoice}. Its lines are the invoiced order items ({@code order_item_id} is the order
 * line's id); amounts in the order's currency.
 */
final class AdobeInvoiceMapping {

    static final String OBJECT_TYPE = "invoice";

    Invoice map(String storeId, AdobeEvent event) {
        JsonNode invoice = event.value();
        String currency = Money.currency(text(invoice, "order_currency_code"), "order_currency_code");
        return new Invoice(
                new SourceRef(AdobeCommerceMapper.PLATFORM, storeId, OBJECT_TYPE, AdobeValues.requiredId(invoice, "entity_id", "id")),
                requiredId(invoice, "order_id"),
                text(invoice, "increment_id"),
                status(invoice),
                new OrderTotals(
                        currency,
                        Money.format(Money.amount(invoice, "subtotal")),
                        Money.format(AdobeValues.discount(invoice, "discount_amount")),
                        Money.format(Money.amount(invoice, "shipping_amount")),
                        Money.format(Money.amount(invoice, "tax_amount")),
                        Money.format(Money.requiredAmount(invoice, "grand_total"))),
                AdobeValues.topLevelItems(invoice, AdobeInvoiceMapping::line),
                AdobeValues.instant(invoice, "created_at"),
                AdobeValues.updatedAt(invoice, event),
                null);
    }

    /** Commerce's invoice {@code state}: 1 open (not yet captured), 2 paid, 3 cancelled. */
    private static Invoice.Status status(JsonNode invoice) {
        Integer state = integer(invoice, "state");
        if (state == null) {
            throw new MappingException("required field 'state' is missing");
        }
        return switch (state) {
            case 1 -> Invoice.Status.OPEN;
            case 2 -> Invoice.Status.PAID;
            case 3 -> Invoice.Status.CANCELLED;
            default -> throw new MappingException("unknown Adobe Commerce invoice state " + state);
        };
    }

    private static OrderLine line(JsonNode item) {
        return new OrderLine(
                id(item, "order_item_id"),
                id(item, "product_id"),
                null,
                text(item, "sku"),
                text(item, "name"),
                null,
                AdobeValues.requiredQuantity(item, "qty"),
                Money.format(Money.requiredAmount(item, "price")),
                Money.format(Money.amount(item, "row_total")));
    }
}
