package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.ConsentStatus;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Companies;
import io.crmsync.normalizer.mapping.Emails;
import io.crmsync.normalizer.mapping.Phones;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * BigCommerce customers as canonical {@link Customer}s: the v3 customer (with
 * {@code include=addresses}) and the buyer of a v2 order, registered or guest. BigCommerce has no
 * version field: {@code sourceVersion} stays null and ordering rests on {@code updatedAt}.
 *
 * <p>Marketing consent of a customer is always {@code unknown}: BigCommerce keeps newsletter
 * subscriptions in a resource of their own ({@code /v3/customers/subscribers}), and
 * {@code accepts_product_review_abandoned_cart_emails} is about review and abandoned-cart mails,
 * not marketing. The buyer of an order has the checkout's opt-in box ({@code is_email_opt_in}).
 */
final class BigCommerceCustomerMapping {

    static final String PLATFORM = "bigcommerce";
    static final String OBJECT_TYPE = "customer";
    /** v2 orders write {@code customer_id: 0} for a guest checkout. */
    private static final String GUEST_ID = "0";

    private final BigCommerceAddressMapping addresses;

    BigCommerceCustomerMapping(BigCommerceAddressMapping addresses) {
        this.addresses = addresses;
    }

    /**
     * A v3 customer. Its phone is read in the country of its first address that names one;
     * its company is the {@code company} field, else the company text of its first address
     * (BigCommerce gives customer addresses no billing or shipping role).
     */
    Customer fromCustomer(String storeId, JsonNode customer) {
        List<Address> all = addresses.fromCustomerAddresses(customer.get("addresses"));
        String region = all.stream().map(Address::countryCode).filter(Objects::nonNull).findFirst().orElse(null);
        String emailRaw = text(customer, "email");
        String phoneRaw = text(customer, "phone");
        return new Customer(
                source(storeId, requiredId(customer, "id")),
                Emails.normalize(emailRaw), emailRaw,
                Phones.toE164(phoneRaw, region), phoneRaw,
                text(customer, "first_name"), text(customer, "last_name"),
                Consent.unknown(),
                all,
                BigCommerceDates.iso(customer, "date_created"),
                BigCommerceDates.requiredIso(customer, "date_modified"),
                null,
                company(customer, all));
    }

    /**
     * The buyer of a v2 order: {@code customer_id} (0 = guest → null object id), e-mail and phone
     * from the billing address, names from the billing address. The order carries no customer
     * resource, so the buyer has no addresses of its own (they are on the order) and its
     * {@code updatedAt} is the order's.
     *
     * @return null when the order names nobody (guest without e-mail or phone)
     */
    Customer fromOrder(String storeId, JsonNode order, JsonNode billingNode, Address billing, Instant orderUpdatedAt) {
        String customerId = id(order, "customer_id");
        if (customerId != null && GUEST_ID.equals(customerId.trim())) {
            customerId = null;
        }
        String emailRaw = text(billingNode, "email");
        String phoneRaw = billing == null ? null : billing.phoneRaw();
        if (customerId == null && emailRaw == null && phoneRaw == null) {
            return null;
        }
        return new Customer(
                source(storeId, customerId),
                Emails.normalize(emailRaw), emailRaw,
                billing == null ? null : billing.phone(), phoneRaw,
                billing == null ? null : billing.firstName(),
                billing == null ? null : billing.lastName(),
                checkoutOptIn(order),
                List.of(),
                null,
                orderUpdatedAt,
                null,
                Companies.fromBillingAddress(billing));
    }

    /**
     * {@code is_email_opt_in}: the checkout's opt-in box. {@code true} is an explicit opt-in →
     * granted; {@code false} only says the box was not ticked, which is no refusal → unknown.
     */
    private static Consent checkoutOptIn(JsonNode order) {
        JsonNode flag = order.get("is_email_opt_in");
        if (flag == null || !flag.isBoolean()) {
            return Consent.unknown();
        }
        return new Consent(flag.booleanValue() ? ConsentStatus.GRANTED : ConsentStatus.UNKNOWN,
                "is_email_opt_in=" + flag.booleanValue(), null);
    }

    private static Company company(JsonNode customer, List<Address> all) {
        String name = text(customer, "company");
        if (name != null) {
            return new Company(null, name.strip(), null, null);
        }
        return all.isEmpty() ? null : Companies.fromBillingAddress(all.get(0));
    }

    private static SourceRef source(String storeId, String customerId) {
        return new SourceRef(PLATFORM, storeId, OBJECT_TYPE, customerId);
    }
}
