package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Companies;
import io.crmsync.normalizer.mapping.Emails;
import io.crmsync.normalizer.mapping.Phones;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.instant;
import static io.crmsync.normalizer.mapping.JsonFields.object;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.requiredInstant;
import static io.crmsync.normalizer.mapping.JsonFields.text;
import static io.crmsync.normalizer.mapping.JsonFields.firstNonNull;

/**
 * Shopify customers as canonical {@link Customer}s: the REST customer resource
 * ({@code customers/create|update}) and the buyer embedded in an order, registered or guest.
 * Shopify has no version field, so {@code sourceVersion} stays null and ordering rests on
 * {@code updatedAt}.
 */
public final class ShopifyCustomerMapping {

    static final String PLATFORM = "shopify";
    static final String OBJECT_TYPE = "customer";

    private final ShopifyAddressMapping addresses;
    private final ShopifyConsentMapping consents;

    public ShopifyCustomerMapping(ShopifyAddressMapping addresses, ShopifyConsentMapping consents) {
        this.addresses = addresses;
        this.consents = consents;
    }

    /** A customer resource. Its phone is read in the default address's country, else the first address's. */
    public Customer fromCustomer(String storeId, JsonNode customer) {
        List<Address> all = addressesOf(customer);
        String region = Stream.concat(
                        Stream.of(ShopifyAddressMapping.countryCode(object(customer, "default_address"))),
                        all.stream().map(Address::countryCode))
                .filter(Objects::nonNull).findFirst().orElse(null);
        String emailRaw = text(customer, "email");
        String phoneRaw = text(customer, "phone");
        return new Customer(
                source(storeId, requiredId(customer, "id")),
                Emails.normalize(emailRaw), emailRaw,
                Phones.toE164(phoneRaw, region), phoneRaw,
                text(customer, "first_name"), text(customer, "last_name"),
                consents.ofCustomer(customer),
                all,
                instant(customer, "created_at"),
                requiredInstant(customer, "updated_at"),
                null,
                Companies.fromBillingAddress(addresses.map(object(customer, "default_address"))));
    }

    /**
     * The buyer of an order. A registered customer ({@code customer.id}) keeps its id; a guest
     * (no customer resource) gets a null object id and is known by the order's e-mail and phone.
     * Contact data missing on the customer resource falls back to the order's, which is the same
     * buyer's. The phone is read in the customer's default address country, else the billing,
     * else the shipping country.
     *
     * @return null when the order names nobody (no customer, no e-mail, no phone)
     */
    public Customer fromOrder(String storeId, JsonNode order, Address billing, Address shipping, Instant orderUpdatedAt) {
        JsonNode customer = object(order, "customer");
        String customerId = id(customer, "id");
        String region = Stream.of(
                        ShopifyAddressMapping.countryCode(object(customer, "default_address")),
                        billing == null ? null : billing.countryCode(),
                        shipping == null ? null : shipping.countryCode())
                .filter(Objects::nonNull).findFirst().orElse(null);
        String emailRaw = firstNonNull(text(customer, "email"), text(order, "email"), text(order, "contact_email"));
        String phoneRaw = firstNonNull(text(customer, "phone"), text(order, "phone"));
        if (customerId == null && emailRaw == null && phoneRaw == null) {
            return null;
        }
        Address named = billing != null ? billing : shipping;
        String firstName = firstNonNull(text(customer, "first_name"), named == null ? null : named.firstName());
        String lastName = firstNonNull(text(customer, "last_name"), named == null ? null : named.lastName());
        Consent consent = customer != null && consents.hasEvidence(customer)
                ? consents.ofCustomer(customer)
                : consents.ofBuyer(order);
        Address defaultAddress = addresses.map(object(customer, "default_address"));
        Instant updatedAt = instant(customer, "updated_at");
        return new Customer(
                source(storeId, customerId),
                Emails.normalize(emailRaw), emailRaw,
                Phones.toE164(phoneRaw, region), phoneRaw,
                firstName, lastName,
                consent,
                defaultAddress == null ? List.of() : List.of(defaultAddress),
                instant(customer, "created_at"),
                updatedAt != null ? updatedAt : orderUpdatedAt,
                null,
                Companies.fromBillingAddress(defaultAddress));
    }

    /** {@code addresses[]} when present (it includes the default), else {@code default_address}. */
    private List<Address> addressesOf(JsonNode customer) {
        List<Address> result = new ArrayList<>();
        JsonNode list = customer.get("addresses");
        if (list != null && list.isArray()) {
            list.forEach(a -> {
                Address address = addresses.map(a);
                if (address != null) {
                    result.add(address);
                }
            });
        }
        if (result.isEmpty()) {
            Address fallback = addresses.map(object(customer, "default_address"));
            if (fallback != null) {
                result.add(fallback);
            }
        }
        return List.copyOf(result);
    }

    private static SourceRef source(String storeId, String customerId) {
        return new SourceRef(PLATFORM, storeId, OBJECT_TYPE, customerId);
    }
}
