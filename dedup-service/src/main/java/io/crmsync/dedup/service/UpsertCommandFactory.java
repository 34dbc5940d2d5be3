package io.crmsync.dedup.service;

import io.crmsync.contract.EventCodec;
import io.crmsync.contract.Origin;
import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.GoldenContact;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns golden contacts and orders into CRM-neutral upsert commands (field names as the
 * {@code crm-record-upsert.json} schema lists them). Each command gets a fresh id, which stays
 * with it through the outbox, so a resend after a crash carries the same id.
 */
@ApplicationScoped
public class UpsertCommandFactory {

    public CrmRecordUpsert contact(String tenant, GoldenContact golden, SourceRef source, Instant sourceUpdatedAt,
                                   SyncMode syncMode) {
        return new CrmRecordUpsert(newCommandId(), tenant, CrmRecordUpsert.CONTACT, golden.key(), golden.fields(),
                List.of(), syncMode, source, sourceUpdatedAt);
    }

    /**
     * @param contactKey the golden key of the order's customer, or null when the order names nobody
     */
    public CrmRecordUpsert deal(String tenant, Order order, String contactKey, SyncMode syncMode) {
        String orderRef = orderRef(order.source());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderRef", orderRef);
        fields.put("name", dealName(order));
        fields.put("amount", order.totals().total());
        fields.put("currency", order.totals().currency());
        fields.put("status", EventCodec.mapper().convertValue(order.status(), String.class));
        if (order.orderNumber() != null && !order.orderNumber().isBlank()) {
            fields.put("orderNumber", order.orderNumber());
        }
        if (order.createdAt() != null) {
            fields.put("createdAt", order.createdAt().toString());
        }
        List<AssociationRef> associations = contactKey == null ? List.of()
                : List.of(new AssociationRef(CrmRecordUpsert.CONTACT, contactKey));
        return new CrmRecordUpsert(newCommandId(), tenant, CrmRecordUpsert.DEAL, orderRef, fields, associations,
                syncMode, order.source(), order.updatedAt());
    }

    /** Backfilled history carries the backfill marker so CRM automations can leave it alone. */
    public static SyncMode syncMode(Origin origin) {
        return origin == Origin.BACKFILL ? SyncMode.BACKFILL : SyncMode.LIVE;
    }

    /** {@code {storeId}:{orderId}}: the deal's key in the CRM (DESIGN: {@code crmsync_order_ref}). */
    public static String orderRef(SourceRef orderSource) {
        return orderSource.storeId() + ":" + orderSource.objectId();
    }

    /** "Order #1001 — acme-shopify": what a salesperson recognises, with the store that sold it. */
    static String dealName(Order order) {
        String number = order.orderNumber() == null || order.orderNumber().isBlank()
                ? order.source().objectId()
                : order.orderNumber().strip();
        return "Order " + (number.startsWith("#") ? number : "#" + number) + " — " + order.source().storeId();
    }

    private static String newCommandId() {
        return UUID.randomUUID().toString();
    }
}
