package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.model.RefundLine;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.integer;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A BigCommerce v3 refund (an element of {@code /v3/orders/{id}/payment_actions/refunds}) as a
 * canonical {@link Refund}. Refunds are immutable and carry only {@code created}, which is
 * {@code updatedAt} too. The payload states no currency (it is the order's transactional
 * currency), so {@code currency} stays null.
 */
final class BigCommerceRefundMapping {

    static final String OBJECT_TYPE = "refund";
    private static final String PRODUCT_ITEM = "PRODUCT";

    Refund map(String storeId, JsonNode refund) {
        Instant created = BigCommerceDates.requiredIso(refund, "created");
        return new Refund(
                new SourceRef(BigCommerceCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, requiredId(refund, "id")),
                requiredId(refund, "order_id"),
                Money.format(Money.requiredAmount(refund, "total_amount")),
                null,
                text(refund, "reason"),
                lines(refund.get("items")),
                created,
                created,
                null);
    }

    /**
     * Only {@code PRODUCT} items are order lines ({@code item_id} = the order product's id). The
     * others ({@code SHIPPING}, {@code HANDLING}: an order address id; {@code GIFT_WRAPPING},
     * {@code ORDER}, {@code FEE}) name no line; their money is in {@code total_amount}. An
     * amount-only product item (no {@code quantity}) gives quantity 0.
     */
    private static List<RefundLine> lines(JsonNode items) {
        if (items == null || !items.isArray()) {
            return List.of();
        }
        List<RefundLine> lines = new ArrayList<>();
        items.forEach(item -> {
            String type = text(item, "item_type");
            if (type != null && !PRODUCT_ITEM.equals(type.trim().toUpperCase(Locale.ROOT))) {
                return;
            }
            Integer quantity = integer(item, "quantity");
            if (quantity != null && quantity < 0) {
                throw new MappingException("refund item 'quantity' is negative");
            }
            lines.add(new RefundLine(id(item, "item_id"), quantity == null ? 0 : quantity,
                    Money.format(Money.amount(item, "requested_amount"))));
        });
        return List.copyOf(lines);
    }
}
