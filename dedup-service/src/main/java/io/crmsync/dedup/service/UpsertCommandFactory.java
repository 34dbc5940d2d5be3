package io.crmsync.dedup.service;

import io.crmsync.contract.EventCodec;
import io.crmsync.contract.Origin;
import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.GoldenCompany;
import io.crmsync.dedup.GoldenContact;
import io.crmsync.dedup.MergeRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns golden contacts, golden companies, merges and orders into CRM-neutral commands (field names as the
 * {@code crm-record-upsert.json} schema lists them). Each command gets a fresh id, which stays
 * with it through the outbox, so a resend after a crash carries the same id.
 */
@ApplicationScoped
public class UpsertCommandFactory {

    /** @param companyKey the golden company the person acts for, or null */
    public CrmRecordUpsert contact(String tenant, GoldenContact golden, SourceRef source, Instant sourceUpdatedAt,
                                   SyncMode syncMode, String companyKey) {
        return new CrmRecordUpsert(newCommandId(), tenant, CrmRecordUpsert.CONTACT, golden.key(), golden.fields(),
                companyKey == null ? List.of() : List.of(new AssociationRef(CrmRecordUpsert.COMPANY, companyKey)),
                syncMode, source, sourceUpdatedAt);
    }

    public CrmRecordUpsert company(String tenant, GoldenCompany company, SourceRef source, Instant sourceUpdatedAt,
                                   SyncMode syncMode) {
        return new CrmRecordUpsert(newCommandId(), tenant, CrmRecordUpsert.COMPANY, company.key(), company.fields(),
                List.of(), syncMode, source, sourceUpdatedAt);
    }

    /** The CRM side of a merge: fold the retired record into the survivor, reason as the rule's wire name. */
    public CrmRecordMerge merge(MergeRecord merge) {
        return new CrmRecordMerge(newCommandId(), merge.tenant(), CrmRecordUpsert.CONTACT, merge.survivorKey(),
                merge.mergedKey(), merge.id(), merge.reason().wire());
    }

    /**
     * @param contactKey the golden key of the order's customer, or null when the order names nobody
     * @param companyKey the golden company the order was placed for, or null
     */
    public CrmRecordUpsert deal(String tenant, Order order, String contactKey, String companyKey, SyncMode syncMode) {
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
        List<AssociationRef> associations = new ArrayList<>(2);
        if (contactKey != null) {
            associations.add(new AssociationRef(CrmRecordUpsert.CONTACT, contactKey));
        }
        if (companyKey != null) {
            associations.add(new AssociationRef(CrmRecordUpsert.COMPANY, companyKey));
        }
        return new CrmRecordUpsert(newCommandId(), tenant, CrmRecordUpsert.DEAL, orderRef, fields, List.copyOf(associations),
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
