package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.model.RefundLine;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.crmsync.normalizer.mapping.JsonFields.integer;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A WooCommerce REST v3 order refund ({@code /orders/{id}/refunds/{rid}}) as a canonical
 * {@link Refund}. WooCommerce sends no refund webhook; the reconciler reads refunds and publishes
 * each with topic {@code order_refund.created}.
 * <ul>
 *   <li>The resource has no order id field: it is the last segment of {@code _links.up[0].href}
 *       ({@code …/orders/723}), else a top-level {@code order_id}.</li>
 *   <li>{@code amount} is positive; refund line items carry negative quantities and totals, stored
 *       positive. A line's order line is its {@code _refunded_item_id} meta entry (its own
 *       {@code id} belongs to the refund).</li>
 *   <li>No currency is stated (it is the order's): {@code currency} stays null.</li>
 *   <li>Refunds are immutable and have no modification date: {@code updatedAt} = {@code createdAt}.</li>
 * </ul>
 */
final class WooCommerceRefundMapping {

    static final String OBJECT_TYPE = "refund";

    private static final Pattern ORDER_LINK = Pattern.compile("/orders/(\\d+)/?$");
    private static final String REFUNDED_ITEM_META = "_refunded_item_id";

    Refund map(String storeId, JsonNode refund) {
        Instant created = WooCommerceTimes.requiredInstant(refund, "date_created");
        return new Refund(
                new SourceRef(WooCommerceCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, requiredId(refund, "id")),
                orderId(refund),
                Money.format(Money.requiredAmount(refund, "amount").abs()),
                null,
                text(refund, "reason"),
                lines(refund),
                created,
                created,
                null);
    }

    private static String orderId(JsonNode refund) {
        JsonNode up = refund.path("_links").path("up").path(0);
        String href = text(up, "href");
        if (href != null) {
            Matcher matcher = ORDER_LINK.matcher(href.trim());
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        String orderId = WooCommerceIds.nonZero(refund, "order_id");
        if (orderId == null) {
            throw new MappingException("order id missing: neither '_links.up[0].href' names an order nor 'order_id' is set");
        }
        return orderId;
    }

    private static List<RefundLine> lines(JsonNode refund) {
        JsonNode items = refund.get("line_items");
        if (items == null || items.isNull()) {
            return List.of();
        }
        if (!items.isArray()) {
            throw new MappingException("field 'line_items' is not a list");
        }
        List<RefundLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            Integer quantity = integer(item, "quantity");
            if (quantity == null) {
                throw new MappingException("refund line item 'quantity' is missing");
            }
            BigDecimal total = Money.amount(item, "total");
            lines.add(new RefundLine(refundedItemId(item), Math.abs(quantity), Money.format(total == null ? null : total.abs())));
        }
        return List.copyOf(lines);
    }

    /** The refunded order line's id, from the line's meta entry {@code _refunded_item_id}; null when absent. */
    private static String refundedItemId(JsonNode item) {
        JsonNode meta = item.get("meta_data");
        if (meta != null && meta.isArray()) {
            for (JsonNode entry : meta) {
                if (REFUNDED_ITEM_META.equals(text(entry, "key"))) {
                    return WooCommerceIds.nonZero(entry, "value");
                }
            }
        }
        return null;
    }
}
