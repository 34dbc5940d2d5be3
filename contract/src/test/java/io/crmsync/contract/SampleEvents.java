package io.crmsync.contract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.control.TenantControl;
import io.crmsync.contract.result.CrmWriteResult;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.ConsentStatus;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Fulfillment;
import io.crmsync.contract.model.FulfillmentLine;
import io.crmsync.contract.model.FulfillmentStatus;
import io.crmsync.contract.model.Invoice;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.contract.model.OrderTotals;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.ProductVariant;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.model.RefundLine;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Valid instances of every v1 event type, written from the contract, not from a platform. */
final class SampleEvents {

    static final Instant UPDATED = Instant.parse("2026-03-01T10:15:30Z");
    static final Address BILLING = new Address("Zoë", "Müller", "Acme GmbH", "Hauptstraße 1", null, "Berlin", "BE",
            "10115", "DE", "+493012345678", "030 12345678");

    static Customer customer() {
        return new Customer(new SourceRef("shopify", "acme-shopify", "customer", "207119551"),
                "zoe@example.com", " Zoe@Example.com", "+493012345678", "030 12345678", "Zoë", "Müller",
                new Consent(ConsentStatus.GRANTED, "accepts_marketing", UPDATED), List.of(BILLING),
                UPDATED, UPDATED, null, null);
    }

    static Order order() {
        return new Order(new SourceRef("shopify", "acme-shopify", "order", "450789469"), "#1001", OrderStatus.PAID,
                "paid/null", new OrderTotals("EUR", "199.00", "10.00", "5.00", "37.81", "194.00"),
                List.of(new OrderLine("466157049", "632910392", "39072856", "IPOD2008GREEN", "IPod Nano - 8gb", "green",
                        1, "199.00", "199.00")),
                customer(), List.of(BILLING), List.of(BILLING), UPDATED, UPDATED, "3", null);
    }

    /** An order with every field added after v1.0 set. */
    static Order b2bOrder() {
        Order o = order();
        return new Order(o.source(), o.orderNumber(), o.status(), o.sourceStatus(), o.totals(), o.lines(), o.customer(),
                o.billingAddresses(), o.shippingAddresses(), o.createdAt(), o.updatedAt(), o.sourceVersion(),
                new Company(null, "Acme GmbH", "DE123456789", BILLING));
    }

    static Product product() {
        return new Product(new SourceRef("shopify", "acme-shopify", "product", "632910392"), "IPod Nano - 8GB", null,
                null, null, "active", List.of(new ProductVariant("808950810", "IPOD2008PINK", "Pink", "199.00")),
                UPDATED, UPDATED, null);
    }

    static Refund refund() {
        return new Refund(new SourceRef("shopify", "acme-shopify", "refund", "509562969"), "450789469", "41.94", "USD",
                "damaged", List.of(new RefundLine("466157049", 1, "41.94")), UPDATED, UPDATED, null);
    }

    static Invoice invoice() {
        Order o = order();
        return new Invoice(new SourceRef("adobe-commerce", "acme-adobe", "invoice", "13"), "8", "000000013",
                Invoice.Status.PAID, o.totals(), o.lines(), UPDATED, UPDATED, null);
    }

    static Fulfillment fulfillment() {
        return new Fulfillment(new SourceRef("shopify", "acme-shopify", "fulfillment", "255858046"), "450789469",
                FulfillmentStatus.FULFILLED, "success", "USPS", List.of("1Z2345"), List.of("https://track.example/1Z2345"),
                List.of(new FulfillmentLine("466157049", "IPOD2008GREEN", 1)), UPDATED, UPDATED, null);
    }

    static WebhookReceived webhook() {
        return new WebhookReceived("shopify", "acme-shopify", "orders/create", "order", "450789469",
                new Delivery("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", true, UPDATED), UPDATED,
                JsonNodeFactory.instance.objectNode().put("id", 450789469));
    }

    static CrmRecordUpsert deal() {
        return new CrmRecordUpsert("cmd-1", "acme", CrmRecordUpsert.DEAL, "acme-shopify:450789469",
                Map.of("orderRef", "acme-shopify:450789469", "name", "#1001", "amount", "194.00", "currency", "EUR",
                        "status", "paid"),
                List.of(new AssociationRef(CrmRecordUpsert.CONTACT, "gr-1")), SyncMode.LIVE,
                order().source(), UPDATED);
    }

    static CrmRecordMerge contactMerge() {
        return new CrmRecordMerge("cmd-3", "acme", CrmRecordUpsert.CONTACT, "gr-1", "gr-2", "merge-7", "same-email");
    }

    static CrmRecordUpsert contact() {
        return new CrmRecordUpsert("cmd-2", "acme", CrmRecordUpsert.CONTACT, "gr-1",
                Map.of("email", "zoe@example.com", "firstName", "Zoë"), List.of(), SyncMode.BACKFILL, null, UPDATED);
    }

    static CrmWriteResult writeResult() {
        return new CrmWriteResult("cmd-1", "acme", CrmRecordUpsert.DEAL, "acme-shopify:450789469", CrmWriteResult.UPSERT,
                "created", "9001", null, 1, SyncMode.LIVE, new SourceRef("shopify", "acme-shopify", "order", "450789469"),
                UPDATED, UPDATED.plusSeconds(2));
    }

    static CrmWriteResult deadLetteredResult() {
        return new CrmWriteResult("cmd-2", "acme", CrmRecordUpsert.CONTACT, "gr-1", CrmWriteResult.UPSERT,
                CrmWriteResult.DEAD_LETTERED, null, "validation", 1, SyncMode.BACKFILL, null, null, UPDATED);
    }

    static TenantControl pausedForAuth() {
        return new TenantControl("acme", TenantControl.State.PAUSED, TenantControl.REASON_AUTH,
                "the CRM refused the credentials (401)", UPDATED, "crm-writer");
    }

    private SampleEvents() {
    }
}
