package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Companies;
import io.crmsync.normalizer.mapping.Emails;
import io.crmsync.normalizer.mapping.JsonFields;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.text;
import static io.crmsync.normalizer.mapping.JsonFields.firstNonNull;

/**
 * Adobe Commerce customers as canonical {@link Customer}s: the customer model of
 * {@code observer.customer_*} events, and the buyer of an order (registered or guest). Commerce
 * customers have no phone of their own: the phone is the default billing address's
 * {@code telephone}. No version field: {@code sourceVersion} stays null.
 */
final class AdobeCustomerMapping {

    static final String OBJECT_TYPE = "customer";

    private final AdobeAddressMapping addresses;
    private final AdobeConsentMapping consents;

    AdobeCustomerMapping(AdobeAddressMapping addresses, AdobeConsentMapping consents) {
        this.addresses = addresses;
        this.consents = consents;
    }

    /** The customer model: {@code default_billing} names the address that gives the phone and the company. */
    Customer fromCustomer(String storeId, AdobeEvent event) {
        JsonNode customer = event.value();
        List<Address> all = new ArrayList<>();
        Address defaultBilling = null;
        String defaultBillingId = id(customer, "default_billing");
        String taxId = text(customer, "taxvat");
        for (JsonNode node : AdobeValues.objects(customer, "addresses")) {
            Address address = addresses.map(node);
            all.add(address);
            String addressId = id(node, "entity_id") != null ? id(node, "entity_id") : id(node, "id");
            if (defaultBillingId != null && defaultBillingId.equals(addressId)) {
                defaultBilling = address;
                taxId = firstNonNull(text(node, "vat_id"), taxId);
            }
        }
        String emailRaw = text(customer, "email");
        return new Customer(
                source(storeId, AdobeValues.requiredId(customer, "entity_id", "id")),
                Emails.normalize(emailRaw), emailRaw,
                defaultBilling == null ? null : defaultBilling.phone(),
                defaultBilling == null ? null : defaultBilling.phoneRaw(),
                text(customer, "firstname"), text(customer, "lastname"),
                consents.ofCustomer(customer),
                List.copyOf(all),
                AdobeValues.instant(customer, "created_at"),
                AdobeValues.updatedAt(customer, event),
                null,
                Companies.fromBillingAddress(defaultBilling, taxId));
    }

    /**
     * The buyer of an order: {@code customer_id}, or a guest (null object id) when it is null or
     * {@code customer_is_guest} is set. E-mail {@code customer_email} (else the billing address's
     * {@code email}), names {@code customer_firstname}/{@code customer_lastname} (else the billing
     * names), phone the billing {@code telephone} read in the billing country. The order carries
     * no consent evidence and no customer time, so consent is unknown and {@code updatedAt} is the
     * order's. Addresses and company stay on the order.
     *
     * @param billingNode the billing address as sent (for its {@code email}), or null
     * @return null when the order names nobody (no customer id, e-mail or phone)
     */
    Customer fromOrder(String storeId, JsonNode order, JsonNode billingNode, Address billing, Instant orderUpdatedAt) {
        // A guest order may still carry a stale customer id (a customer deleted later); the flag wins.
        boolean guest = order.path("customer_is_guest").asBoolean(false) || "1".equals(text(order, "customer_is_guest"));
        String customerId = guest ? null : JsonFields.id(order, "customer_id");
        String emailRaw = firstNonNull(text(order, "customer_email"), text(billingNode, "email"));
        String phoneRaw = billing == null ? null : billing.phoneRaw();
        if (customerId == null && emailRaw == null && phoneRaw == null) {
            return null;
        }
        return new Customer(
                source(storeId, customerId),
                Emails.normalize(emailRaw), emailRaw,
                billing == null ? null : billing.phone(), phoneRaw,
                firstNonNull(text(order, "customer_firstname"), billing == null ? null : billing.firstName()),
                firstNonNull(text(order, "customer_lastname"), billing == null ? null : billing.lastName()),
                Consent.unknown(),
                List.of(),
                null,
                orderUpdatedAt,
                null,
                null);
    }

    private static SourceRef source(String storeId, String customerId) {
        return new SourceRef(AdobeCommerceMapper.PLATFORM, storeId, OBJECT_TYPE, customerId);
    }
}
