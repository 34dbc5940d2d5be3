package io.crmsync.commons.messaging;

import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.command.CrmRecordMerge;
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
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native images bind the contract records with Jackson by reflection. Registered once here
 * (this jar is indexed, so every service picks it up); the schemas travel as resources declared
 * by the contract jar itself ({@code META-INF/native-image/io.crmsync/contract/resource-config.json}).
 * deploy-check's {@code ReflectionRegistrationTest} fails when a record or enum of the contract is missing.
 */
@RegisterForReflection(targets = {
        WebhookReceived.class, Delivery.class,
        Order.class, OrderLine.class, OrderTotals.class, OrderStatus.class,
        Customer.class, Address.class, Consent.class, ConsentStatus.class, SourceRef.class, Company.class,
        Product.class, ProductVariant.class, Refund.class, RefundLine.class,
        Fulfillment.class, FulfillmentLine.class, FulfillmentStatus.class, Invoice.class, Invoice.Status.class,
        CrmRecordUpsert.class, AssociationRef.class, SyncMode.class, CrmRecordMerge.class,
        CrmWriteResult.class, TenantControl.class, TenantControl.State.class})
public final class ContractReflection {

    private ContractReflection() {
    }
}
