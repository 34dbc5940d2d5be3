package io.crmsync.normalizer.mapping.shopify;

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

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.instant;
import static io.crmsync.normalizer.mapping.JsonFields.requiredQuantity;
import static io.crmsync.normalizer.mapping.JsonFields.object;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A Shopify refund resource (the body of {@code refunds/create}) as a canonical {@link Refund}.
 * The money given back is what the payment gateway returned: the successful {@code refund}
 * transactions, in their currency. A refund that only restocks items has no such transaction and
 * refunds {@code 0}.
 */
public final class ShopifyRefundMapping {

    static final String OBJECT_TYPE = "refund";

    public Refund map(String storeId, JsonNode refund) {
        List<JsonNode> money = successfulRefundTransactions(refund);
        BigDecimal amount = BigDecimal.ZERO;
        String currency = null;
        for (JsonNode transaction : money) {
            amount = amount.add(Money.requiredAmount(transaction, "amount"));
            String code = Money.currency(text(transaction, "currency"), "transactions[].currency");
            if (currency != null && !currency.equals(code)) {
                throw new MappingException("refund transactions are in more than one currency");
            }
            currency = code;
        }
        Instant createdAt = instant(refund, "created_at");
        Instant processedAt = instant(refund, "processed_at");
        Instant updatedAt = processedAt != null ? processedAt : createdAt;
        if (updatedAt == null) {
            throw new MappingException("required field 'processed_at' or 'created_at' is missing");
        }
        return new Refund(
                new SourceRef(ShopifyCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, requiredId(refund, "id")),
                requiredId(refund, "order_id"),
                Money.format(amount),
                currency,
                text(refund, "note"),
                lines(refund),
                createdAt,
                updatedAt,
                null);
    }

    private static List<JsonNode> successfulRefundTransactions(JsonNode refund) {
        List<JsonNode> result = new ArrayList<>();
        JsonNode transactions = refund.get("transactions");
        if (transactions != null && transactions.isArray()) {
            for (JsonNode transaction : transactions) {
                if ("refund".equals(text(transaction, "kind")) && "success".equals(text(transaction, "status"))) {
                    result.add(transaction);
                }
            }
        }
        return result;
    }

    /** {@code refund_line_items[]}: the refunded line, quantity and its shop-money subtotal (taxes apart). */
    private static List<RefundLine> lines(JsonNode refund) {
        JsonNode items = refund.get("refund_line_items");
        if (items == null || !items.isArray()) {
            return List.of();
        }
        List<RefundLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            int quantity = requiredQuantity(item, "quantity", "refund line");
            JsonNode shopMoney = object(object(item, "subtotal_set"), "shop_money");
            BigDecimal subtotal = shopMoney != null ? Money.amount(shopMoney, "amount") : Money.amount(item, "subtotal");
            lines.add(new RefundLine(id(item, "line_item_id"), quantity, Money.format(subtotal == null ? null : subtotal.abs())));
        }
        return List.copyOf(lines);
    }
}
