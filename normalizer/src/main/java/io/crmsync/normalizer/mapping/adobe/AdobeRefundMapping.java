package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.model.RefundLine;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Money;

import java.util.List;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * The credit memo model of {@code observer.sales_order_creditmemo_*} events as a canonical
 * {@link Refund}: {@code grand_total} is the money given back (items, shipping refund and
 * adjustments, minus the adjustment fee), in the order's currency. Commerce records no reason on
 * a credit memo (only free-text comments), so {@code reason} stays null.
 */
final class AdobeRefundMapping {

    static final String OBJECT_TYPE = "refund";

    Refund map(String storeId, AdobeEvent event) {
        JsonNode memo = event.value();
        String currency = text(memo, "order_currency_code");
        List<RefundLine> lines = AdobeValues.objects(memo, "items").stream()
                .filter(item -> !AdobeValues.isChildItem(item))
                .map(item -> new RefundLine(
                        id(item, "order_item_id"),
                        AdobeValues.requiredQuantity(item, "qty"),
                        Money.format(Money.amount(item, "row_total"))))
                .toList();
        return new Refund(
                new SourceRef(AdobeCommerceMapper.PLATFORM, storeId, OBJECT_TYPE, AdobeValues.requiredId(memo, "entity_id", "id")),
                requiredId(memo, "order_id"),
                Money.format(Money.requiredAmount(memo, "grand_total")),
                currency == null ? null : Money.currency(currency, "order_currency_code"),
                null,
                lines,
                AdobeValues.instant(memo, "created_at"),
                AdobeValues.updatedAt(memo, event),
                null);
    }
}
