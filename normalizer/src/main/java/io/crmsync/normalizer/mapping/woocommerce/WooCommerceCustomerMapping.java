package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Companies;
import io.crmsync.normalizer.mapping.Emails;
import io.crmsync.normalizer.mapping.Phones;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static io.crmsync.normalizer.mapping.JsonFields.object;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * WooCommerce customers as canonical {@link Customer}s: the REST customer resource
 * ({@code customer.created|updated}) and the buyer of an order, registered or guest.
 * <p>
 * WooCommerce core has no marketing-consent field, so consent is always {@code unknown}: it is
 * never inferred from {@code is_paying_customer}, a role, or anything else. WooCommerce has no
 * object version either, so {@code sourceVersion} stays null and ordering rests on {@code updatedAt}.
 */
final class WooCommerceCustomerMapping {

    static final String PLATFORM = "woocommerce";
    static final String OBJECT_TYPE = "customer";

    private final WooCommerceAddressMapping addresses;

    WooCommerceCustomerMapping(WooCommerceAddressMapping addresses) {
        this.addresses = addresses;
    }

    /**
     * A customer resource. The resource has no phone of its own: the billing phone is the
     * customer's, read in the billing country, else the shipping country.
     */
    Customer fromCustomer(String storeId, JsonNode customer) {
        JsonNode billingNode = object(customer, "billing");
        JsonNode shippingNode = object(customer, "shipping");
        Address billing = addresses.map(billingNode);
        Address shipping = addresses.map(shippingNode);
        String emailRaw = text(customer, "email");
        String phoneRaw = text(billingNode, "phone");
        return new Customer(
                source(storeId, requiredId(customer, "id")),
                Emails.normalize(emailRaw), emailRaw,
                Phones.toE164(phoneRaw, region(billingNode, shippingNode)), phoneRaw,
                text(customer, "first_name"), text(customer, "last_name"),
                Consent.unknown(),
                Stream.of(billing, shipping).filter(Objects::nonNull).toList(),
                WooCommerceTimes.instant(customer, "date_created"),
                WooCommerceTimes.requiredInstant(customer, "date_modified"),
                null,
                Companies.fromBillingAddress(billing));
    }

    /**
     * The buyer of an order, described by its billing contact: {@code customer_id} 0 is a guest
     * (null object id), known by e-mail and phone. The buyer's addresses stay on the order. Names
     * come from billing, else shipping; the phone is read in the billing country, else the
     * shipping country.
     *
     * @return null when the order names nobody (guest with no e-mail and no phone)
     */
    Customer fromOrder(String storeId, JsonNode order, Address billing, Address shipping, Instant orderUpdatedAt) {
        JsonNode billingNode = object(order, "billing");
        String customerId = WooCommerceIds.nonZero(order, "customer_id");
        String emailRaw = text(billingNode, "email");
        String phoneRaw = text(billingNode, "phone");
        if (customerId == null && emailRaw == null && phoneRaw == null) {
            return null;
        }
        Address named = billing != null && (billing.firstName() != null || billing.lastName() != null) ? billing : shipping;
        return new Customer(
                source(storeId, customerId),
                Emails.normalize(emailRaw), emailRaw,
                Phones.toE164(phoneRaw, region(billingNode, object(order, "shipping"))), phoneRaw,
                named == null ? null : named.firstName(),
                named == null ? null : named.lastName(),
                Consent.unknown(),
                List.of(),
                null,
                orderUpdatedAt,
                null,
                Companies.fromBillingAddress(billing));
    }

    private static String region(JsonNode billing, JsonNode shipping) {
        String billingCountry = WooCommerceAddressMapping.countryCode(billing);
        return billingCountry != null ? billingCountry : WooCommerceAddressMapping.countryCode(shipping);
    }

    private static SourceRef source(String storeId, String customerId) {
        return new SourceRef(PLATFORM, storeId, OBJECT_TYPE, customerId);
    }
}
