package io.crmsync.contract;

import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.control.TenantControl;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Fulfillment;
import io.crmsync.contract.model.Invoice;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.result.CrmWriteResult;
import io.crmsync.contract.webhook.WebhookReceived;

import java.util.List;
import java.util.Optional;

/**
 * A CloudEvents {@code ce_type}, the Java record its data binds to, and the JSON Schema that data
 * must satisfy. The major version in the type name moves only with a breaking change.
 */
public record EventType<T>(String name, String topic, Class<T> dataClass, String schemaFile) {

    public static final EventType<WebhookReceived> WEBHOOK_RECEIVED = new EventType<>(
            "commerce.webhook.received.v1", Topics.WEBHOOK_RECEIVED, WebhookReceived.class, "webhook-received.json");
    public static final EventType<Order> ORDER_NORMALIZED = new EventType<>(
            "commerce.order.normalized.v1", Topics.ENTITY_NORMALIZED, Order.class, "order.json");
    public static final EventType<Customer> CUSTOMER_NORMALIZED = new EventType<>(
            "commerce.customer.normalized.v1", Topics.ENTITY_NORMALIZED, Customer.class, "customer.json");
    public static final EventType<Product> PRODUCT_NORMALIZED = new EventType<>(
            "commerce.product.normalized.v1", Topics.ENTITY_NORMALIZED, Product.class, "product.json");
    public static final EventType<Refund> REFUND_NORMALIZED = new EventType<>(
            "commerce.refund.normalized.v1", Topics.ENTITY_NORMALIZED, Refund.class, "refund.json");
    public static final EventType<Fulfillment> FULFILLMENT_NORMALIZED = new EventType<>(
            "commerce.fulfillment.normalized.v1", Topics.ENTITY_NORMALIZED, Fulfillment.class, "fulfillment.json");
    public static final EventType<Invoice> INVOICE_NORMALIZED = new EventType<>(
            "commerce.invoice.normalized.v1", Topics.ENTITY_NORMALIZED, Invoice.class, "invoice.json");
    public static final EventType<CrmRecordUpsert> CONTACT_UPSERT = new EventType<>(
            "crm.contact.upsert.v1", Topics.CRM_RECORD_UPSERT, CrmRecordUpsert.class, "crm-record-upsert.json");
    public static final EventType<CrmRecordUpsert> DEAL_UPSERT = new EventType<>(
            "crm.deal.upsert.v1", Topics.CRM_RECORD_UPSERT, CrmRecordUpsert.class, "crm-record-upsert.json");
    public static final EventType<CrmRecordUpsert> COMPANY_UPSERT = new EventType<>(
            "crm.company.upsert.v1", Topics.CRM_RECORD_UPSERT, CrmRecordUpsert.class, "crm-record-upsert.json");

    public static final EventType<CrmRecordMerge> CONTACT_MERGE = new EventType<>(
            "crm.contact.merge.v1", Topics.CRM_RECORD_UPSERT, CrmRecordMerge.class, "crm-record-merge.json");
    public static final EventType<CrmRecordMerge> COMPANY_MERGE = new EventType<>(
            "crm.company.merge.v1", Topics.CRM_RECORD_UPSERT, CrmRecordMerge.class, "crm-record-merge.json");

    public static final EventType<CrmWriteResult> WRITE_RESULT = new EventType<>(
            "crm.write.result.v1", Topics.CRM_WRITE_RESULT, CrmWriteResult.class, "crm-write-result.json");
    public static final EventType<TenantControl> TENANT_CONTROL = new EventType<>(
            "control.tenant.state.v1", Topics.CONTROL_TENANT, TenantControl.class, "tenant-control.json");

    public static final List<EventType<?>> ALL = List.of(
            WEBHOOK_RECEIVED, ORDER_NORMALIZED, CUSTOMER_NORMALIZED, PRODUCT_NORMALIZED, REFUND_NORMALIZED,
            FULFILLMENT_NORMALIZED, INVOICE_NORMALIZED, CONTACT_UPSERT, DEAL_UPSERT, COMPANY_UPSERT, CONTACT_MERGE,
            COMPANY_MERGE, WRITE_RESULT, TENANT_CONTROL);

    private static final String SCHEMA_BASE = "https://schemas.crmsync.io/v1/";

    /** The {@code ce_dataschema} URI; resolvable inside the contract jar under {@code schemas/v1/}. */
    public String dataSchema() {
        return SCHEMA_BASE + schemaFile;
    }

    static String schemaBase() {
        return SCHEMA_BASE;
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name.equals(name)).findFirst();
    }

    /** The merge command type for a CRM object type ({@code contact}, {@code company}). */
    public static EventType<CrmRecordMerge> mergeFor(String crmObjectType) {
        return switch (crmObjectType) {
            case CrmRecordUpsert.CONTACT -> CONTACT_MERGE;
            case CrmRecordUpsert.COMPANY -> COMPANY_MERGE;
            default -> throw new IllegalArgumentException("no merge type for " + crmObjectType);
        };
    }

    /** The upsert command type for a CRM object type ({@code contact}, {@code deal}, {@code company}). */
    public static EventType<CrmRecordUpsert> upsertFor(String crmObjectType) {
        return switch (crmObjectType) {
            case CrmRecordUpsert.CONTACT -> CONTACT_UPSERT;
            case CrmRecordUpsert.DEAL -> DEAL_UPSERT;
            case CrmRecordUpsert.COMPANY -> COMPANY_UPSERT;
            default -> throw new IllegalArgumentException("no upsert type for " + crmObjectType);
        };
    }
}
